"""Operating-system failures (disk full, permission, read-only…) as one plain line naming the
path: what every command-line front prints instead of a traceback."""

from __future__ import annotations

import errno

# For these, the path that matters in a copy is where it was writing to, not what it read.
_WRITING = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG)


def os_error_line(error: OSError, fallback: object = "?") -> str:
    """``No space left on device: site/.site-building-x/zh/index.html`` and the like."""
    words = error.strerror or str(error)
    if error.filename2 and error.errno in _WRITING:
        return f"{words}: {error.filename2}"
    if error.filename2:
        return f"{words}: {error.filename} → {error.filename2}"
    return f"{words}: {error.filename if error.filename is not None else fallback}"
