# fish completion for extract-meta(1)
set -l fields file title published modified crawled source authors editors categories url canonical lang flags
complete -c extract-meta -s z -l null -d 'Records are NUL-separated, in and out'
complete -c extract-meta -s j -l json -d 'Records are JSON Lines, fields merged in'
complete -c extract-meta -l field -x -a 'text body content' -d 'JSON member holding the text'
complete -c extract-meta -l max-record -x -a '1M 16M 64M 256M 1G' -d 'Pass on larger records unchanged'
complete -c extract-meta -l progress -d 'Show bytes, records, rate and ETA on a terminal'
complete -c extract-meta -l stats -d 'Print records, bytes and counts at exit'
complete -c extract-meta -s f -l fields -x -d 'Print TSV cells of these fields' \
	-a "(string replace -r '[^,]*\$' '' -- (commandline -ct))$fields"
complete -c extract-meta -l evidence -d 'Add the byte span each field came from'
complete -c extract-meta -l lang-detail -d 'Add the top three languages and their shares'
complete -c extract-meta -l assume-tz -x -a '+08:00 +09:00 +00:00 Z -05:00' -d 'UTC offset for times with no zone'
complete -c extract-meta -l now -x -d 'Crawl time for relative dates (ISO 8601)'
complete -c extract-meta -s h -l help -d 'Print help and exit'
complete -c extract-meta -l version -d 'Print version and exit'
