"""Help for people who edit records: the web editor's configuration, the one record layout, JSON
Schemas and the field reference, skeletons of new records, the translation report.
"""
