"""The export directory: incremental writes, deletions, a stopped run, two runs at once."""

import json

import pytest

from mirror.store import LOCK, MANIFEST, STAGING, MirrorStore, StoreBusy, StoreError


def export(root, files: dict[str, bytes]):
    with MirrorStore(root) as store:
        for name, data in files.items():
            store.put(name, data)
        return store.commit()


def test_only_changes_are_written_and_removed_files_deleted(tmp_path):
    first = export(tmp_path, {"index.html": b"home", "en/a/index.html": b"a", "en/b/index.html": b"b"})
    assert (first.written, first.unchanged, first.deleted) == (3, 0, 0)
    stamp = (tmp_path / "en/a/index.html").stat().st_mtime_ns
    second = export(tmp_path, {"index.html": b"home 2", "en/a/index.html": b"a"})
    assert (second.written, second.unchanged, second.deleted) == (1, 1, 1)
    assert (tmp_path / "index.html").read_bytes() == b"home 2"
    assert (tmp_path / "en/a/index.html").stat().st_mtime_ns == stamp  # not rewritten
    assert not (tmp_path / "en/b").exists()  # the file and its emptied folder
    assert json.loads((tmp_path / MANIFEST).read_text())["files"].keys() == {"index.html", "en/a/index.html"}
    assert not (tmp_path / STAGING).exists()


def test_a_run_stopped_before_its_commit_leaves_the_previous_copy(tmp_path):
    export(tmp_path, {"index.html": b"old", "en/a/index.html": b"a"})
    store = MirrorStore(tmp_path).open()
    store.put("index.html", b"new")
    store.put("en/c/index.html", b"c")
    store._lock.close()  # the process dies: no commit, no clean-up
    assert (tmp_path / "index.html").read_bytes() == b"old"
    assert not (tmp_path / "en/c").exists()
    again = export(tmp_path, {"index.html": b"new", "en/c/index.html": b"c"})
    assert (again.written, again.deleted) == (2, 1)
    files = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert files == {LOCK, MANIFEST, "en/c/index.html", "index.html"}


def test_a_run_stopped_while_moving_files_is_finished_by_the_next(tmp_path, monkeypatch):
    export(tmp_path, {"index.html": b"old", "en/gone/index.html": b"gone"})
    store = MirrorStore(tmp_path).open()
    store.put("en/new/index.html", b"new")
    store.put("index.html", b"home")
    moved = []
    real_replace = __import__("os").replace

    def replace_then_die(source, target):
        if str(target).endswith(MANIFEST):
            return real_replace(source, target)
        if moved:
            raise KeyboardInterrupt
        moved.append(target)
        real_replace(source, target)

    monkeypatch.setattr("mirror.store.os.replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        store.commit()
    store.close()
    monkeypatch.undo()
    # Whole files only; the manifest written before the moves still names the page to delete.
    assert (tmp_path / "en/new/index.html").read_bytes() == b"new"
    assert (tmp_path / "index.html").read_bytes() == b"old"
    counts = export(tmp_path, {"en/new/index.html": b"new", "index.html": b"home"})
    assert (counts.written, counts.unchanged, counts.deleted) == (1, 1, 1)
    assert not (tmp_path / "en/gone").exists()


def test_a_second_export_into_the_same_directory_is_refused(tmp_path):
    with MirrorStore(tmp_path):
        with pytest.raises(StoreBusy, match="another export"):
            MirrorStore(tmp_path).open()
    MirrorStore(tmp_path).open().close()  # free again


def test_a_file_in_place_of_the_directory(tmp_path):
    (tmp_path / "copy").write_text("not a folder")
    with pytest.raises(StoreError, match="not a directory"):
        MirrorStore(tmp_path / "copy").open()


def test_an_unreadable_manifest_costs_only_a_comparison(tmp_path):
    export(tmp_path, {"index.html": b"home"})
    (tmp_path / MANIFEST).write_text("{not json")
    with MirrorStore(tmp_path) as store:
        store.put("index.html", b"home")
        counts = store.commit()
        assert store.warnings and "unreadable" in store.warnings[0]
    assert (counts.written, counts.unchanged) == (0, 1)


def test_a_failed_page_keeps_its_previous_copy(tmp_path):
    export(tmp_path, {"index.html": b"home", "en/a/index.html": b"a"})
    with MirrorStore(tmp_path) as store:
        store.put("index.html", b"home")
        store.keep("en/a/index.html")
        counts = store.commit()
    assert counts.deleted == 0 and (tmp_path / "en/a/index.html").read_bytes() == b"a"


def test_a_manifest_naming_files_outside_the_directory_deletes_nothing_there(tmp_path):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    copy = tmp_path / "copy"
    export(copy, {"index.html": b"home"})
    manifest = json.loads((copy / MANIFEST).read_text())
    manifest["files"]["../precious.txt"] = "0" * 64
    (copy / MANIFEST).write_text(json.dumps(manifest))
    assert export(copy, {"index.html": b"home"}).deleted == 0
    assert outside.read_text() == "keep me"
