"""Photos, logos and QR codes: the checks on an image file, encoding (AVIF, WebP, JPEG) with its
cache, and the cache's report.
"""
