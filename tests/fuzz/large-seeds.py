#!/usr/bin/env python3
"""large-seeds.py KIND DIR: write seeds of 1 MB and more for a fuzz harness.

The fuzzers' own inputs stay under -max_len (64K), where a loop that
rescans what it has read still runs fast: issue 20's hangs (a title never
closed, WARC/ lines with no blank line after them) needed hundreds of
kilobytes to show.  These seeds are that big, made here at fuzz time so
that no megabytes are committed.  KIND is the "large:" line of the
harness: html or warc.
"""
import os
import random
import sys

MB = 1 << 20


def html_seeds():
    rnd = random.Random(20)
    para = "<p>text &amp; more &#8220;quoted&#x201D; &nbsp; words</p>\n"
    yield "unclosed-titles", b"<title>x<b>y</b>" * (MB // 16 + 1)
    yield "unclosed-script", b"<html><body>" + b"<script>if (a < b) x();" * (MB // 23 + 1)
    yield "unclosed-comments", b"<!-- a -- b <p>text</p>" * (MB // 23 + 1)
    yield "open-quotes", b"<a href='x>" * (MB // 11 + 1) + b"<a title=\"y>" * 1000
    yield "deep-nesting", b"<div><ul><li>" * (MB // 13 + 1) + b"text"
    yield "entities", b"&#" + b"9" * (MB // 2) + b";&amp;" * (MB // 10)
    yield "pre-blocks", b"<pre>\n\n  a\n\n</pre><br>" * (MB // 22 + 1)
    words = ["<b>", "</b>", "<p>", "<br>", "<title>", "&lt;", "<", ">",
             "<td>", "<li>", "text", " ", "\n", "<head>", "<body>"]
    yield "mixed", "".join(rnd.choice(words) for _ in range(MB // 3)).encode()
    yield "page", ("<html><head><title>T</title></head><body>" +
                   para * (MB // len(para) + 1) + "</body></html>").encode()


def warc_record(rtype, body, length=None):
    n = len(body) if length is None else length
    return (b"WARC/1.0\r\nWARC-Type: " + rtype + b"\r\n"
            b"Content-Length: %d\r\n\r\n" % n + body + b"\r\n\r\n")


def warc_seeds():
    # Past the 1 MiB a header was looked for in (H2): twice that.
    yield "no-blank-lines", b"WARC/1.0\r\nWARC-Type: response\r\n" * (2 * MB // 31 + 1)
    yield "many-records", b"".join(warc_record(b"conversion", b"text %d" % i)
                                   for i in range(MB // 60))
    yield "long-header", (b"WARC/1.0\r\nWARC-Type: conversion\r\n" +
                          b"X-Field: value\r\n" * (MB // 16 + 1000) +
                          b"Content-Length: 1\r\n\r\nx\r\n\r\n" +
                          warc_record(b"conversion", b"after"))
    yield "lying-lengths", b"".join(warc_record(b"conversion", b"body %d" % i,
                                                length=i * 7919 % 5000)
                                    for i in range(MB // 60))
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n" +
            b"5\r\nhello\r\n" * (MB // 10 + 1) + b"0\r\n\r\n")
    yield "chunked", warc_record(b"response", http)
    yield "nul-padding", warc_record(b"conversion", b"last") + b"\0" * MB
    yield "big-block", warc_record(b"conversion", b"y" * (2 * MB))


def main():
    kind, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    seeds = {"html": html_seeds, "warc": warc_seeds}[kind]
    for name, data in seeds():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
