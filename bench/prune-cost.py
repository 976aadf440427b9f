#!/usr/bin/env python3
"""What one pruning commit costs: the time SQLite spends deleting N outbox, inbox and idempotency rows.

usage: python3 bench/prune-cost.py DATA_DIRECTORY [N ...]      (default N: 500 1000 2000 5000)

Works on a copy of DATA_DIRECTORY/canteen.db (stop the server first, or take the copy under load: SQLite recovers the
copied WAL), so the data itself is never touched. A benchmark's file has only recent rows, so the copy's events are
marked sent and everything counts as old; each round then runs the statements the SQLite adapter's PruneEvents and
PruneIdempotency writes run (same sub-selects, same indexes) in one WAL transaction with synchronous=FULL, and prints
the time of each statement and of the commit. The first round reads cold pages; later rounds are the steady cost.
This chose the pruners' default batch of 1,000 rows (bench/RESULTS.md, "Retention"). Python's SQLite is not the
server's e_sqlite3 build, so read the figures as proportions.
"""
import shutil
import sqlite3
import sys
import tempfile
import time

directory = sys.argv[1] if len(sys.argv) > 1 else sys.exit(__doc__)
sizes = [int(n) for n in sys.argv[2:]] or [500, 1000, 2000, 5000]
with tempfile.TemporaryDirectory() as scratch:
    for suffix in ("", "-wal"):
        try:
            shutil.copy(f"{directory}/canteen.db{suffix}", f"{scratch}/canteen.db{suffix}")
        except FileNotFoundError:
            pass
    db = sqlite3.connect(f"{scratch}/canteen.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("UPDATE outbox SET sent_at = 1 WHERE sent_at IS NULL")
    consumers = [row[0] for row in db.execute("SELECT DISTINCT consumer FROM inbox")]
    print(f"rows: outbox {db.execute('SELECT count(*) FROM outbox').fetchone()[0]}, "
          f"idempotency {db.execute('SELECT count(*) FROM idempotency_keys').fetchone()[0]}; consumers {consumers}")
    cut = "ffffffff-ffff-ffff-ffff-ffffffffffff"  # everything counts as old
    for n in sizes:
        started = time.perf_counter()
        db.execute("BEGIN")
        db.execute("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE id < ? AND sent_at IS NOT NULL ORDER BY id LIMIT ?)", (cut, n))
        outbox = time.perf_counter()
        for consumer in consumers:
            db.execute("DELETE FROM inbox WHERE consumer = ? AND event_id IN ("
                       "SELECT event_id FROM inbox WHERE consumer = ? AND event_id < ? ORDER BY event_id LIMIT ?)", (consumer, consumer, cut, n))
        inbox = time.perf_counter()
        db.execute("DELETE FROM idempotency_keys WHERE id IN ("
                   "SELECT id FROM idempotency_keys WHERE created_at < ? ORDER BY created_at LIMIT ?)", (2**62, n))
        idempotency = time.perf_counter()
        db.execute("COMMIT")
        done = time.perf_counter()
        print(f"{n:6d} rows each: outbox {1000 * (outbox - started):6.1f} ms, inbox {1000 * (inbox - outbox):5.1f} ms, "
              f"idempotency {1000 * (idempotency - inbox):6.1f} ms, commit {1000 * (done - idempotency):6.1f} ms")
