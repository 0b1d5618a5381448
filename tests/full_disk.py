"""A full disk, for tests: the library may not grow by one page (`PRAGMA max_page_count` set to its
page count), so the next write that needs a page fails with SQLite's real SQLITE_FULL error.

    fill_the_disk(store)    # every page full too: even a small new bookmark cannot be written
    free_space(store)       # the disk has room again
"""

from viewer.core.errors import StoreError
from viewer.core.report import parse_bytes

FILLER = "存放填充书签的报告\n\n一、情况\n\n一二三。\n"
NO_LIMIT = 2**31 - 2


def cap(store) -> None:
    """The library cannot grow past the pages it has (free pages first folded away by VACUUM)."""
    conn = store._conn
    conn.execute("VACUUM")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def fill_the_disk(store) -> int:
    """Cap the library, then fill the room left in its annotation pages with the smallest rows
    (empty bookmarks on a report of their own), so that any new or longer annotation needs a page
    there is none for. Returns the filler report's id."""
    filler = store.import_report(parse_bytes(FILLER.encode("utf-8"), "filler.txt")).document_id
    cap(store)
    for _ in range(100_000):
        try:
            store.add_annotation(filler, "bookmark", 0, 0, body="")
        except StoreError as exc:
            assert exc.code == "store.disk_full"
            store.disk_failures = 0          # (the filling is not the user's: their first failure is still to come)
            return filler
    raise AssertionError("the capped library never filled up")


def free_space(store) -> None:
    store._conn.execute(f"PRAGMA max_page_count = {NO_LIMIT}")
