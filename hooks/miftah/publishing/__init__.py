"""The build and what it writes: its steps, root pages and sitemap, site/ on disk, the search
index, and what an S3 deploy owns.
"""
