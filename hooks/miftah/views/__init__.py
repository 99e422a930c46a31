"""What a page says, per record and language: the view models templates print, trade facts,
numbers, prices and dates, the inquiry, structured data, contributor Markdown.
"""
