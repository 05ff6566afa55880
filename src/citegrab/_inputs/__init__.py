"""Reading inputs: files, directories, pipes, HTML pages, WARC archives and JSONL records become
`Source`s (text plus layout hints from markup) for the parse stages; damaged inputs become
`InputError` items and passed-over records `Skipped` ones, so a batch never stops on one file.

One module per input kind: `_readers` (sniffing, text, JSONL, directories, streams), `_html`
(selectolax/Lexbor rendering to the text layout, page metadata), `_warc` (warcio, with damage
checks); `_source` holds the records they yield.
"""
