"""The records: strict YAML, the kinds of values, the one declaration of every field, the rules
every text and record obeys, the vocabularies, and the problems they report.
"""
