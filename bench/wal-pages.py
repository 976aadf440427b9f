#!/usr/bin/env python3
"""Which tables and indexes an embedded Canteen's group commits write, in pages per commit.

usage: python3 bench/wal-pages.py DATA_DIRECTORY

Reads DATA_DIRECTORY/canteen.db-wal frame by frame (each frame is one 4 KiB page a commit wrote) and names each page's
B-tree with SQLite's dbstat table. Run it on a copy taken while the server is under load, or after killing the server
with SIGKILL (a clean stop checkpoints and empties the WAL). The WAL holds the commits since the last checkpoint
(about 1000 pages, ~20 commits at the default wal_autocheckpoint), so take a few captures. This is how the
idempotency table's cost was found (bench/RESULTS.md, "Pages per order").
"""
import collections
import sqlite3
import struct
import sys

directory = sys.argv[1] if len(sys.argv) > 1 else sys.exit(__doc__)
with open(f"{directory}/canteen.db-wal", "rb") as wal:
    _, _, page_size, _, salt1, salt2, _, _ = struct.unpack(">8I", wal.read(32))
    commits, pages = [], []
    while len(header := wal.read(24)) == 24:
        page, size_after_commit, frame_salt1, frame_salt2 = struct.unpack(">4I", header[:16])
        if (frame_salt1, frame_salt2) != (salt1, salt2):
            break  # a frame left over from before the last checkpoint restarted the WAL
        wal.seek(page_size, 1)
        pages.append(page)
        if size_after_commit:
            commits.append(set(pages))
            pages = []

if not commits:
    sys.exit("no whole commit in the WAL (a clean stop empties it: capture under load or after SIGKILL)")
database = sqlite3.connect(f"file:{directory}/canteen.db?mode=ro", uri=True)
owner = dict((page, name) for name, page in database.execute("SELECT name, pageno FROM dbstat"))
written = collections.Counter(owner.get(page, "(free or new)") for commit in commits for page in commit)
print(f"{len(commits)} commits, {sum(map(len, commits)) / len(commits):.1f} distinct pages each")
for name, count in written.most_common():
    print(f"{count / len(commits):8.2f}  {name}")
