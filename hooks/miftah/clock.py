"""The date a build considers "today": the real date, or SOURCE_DATE_EPOCH when it is set, so
that two builds of the same commit agree (reproducible builds) and tests can fix the day."""

from __future__ import annotations

import datetime
import os


def today() -> datetime.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.datetime.now(tz=datetime.UTC).date()
