"""Sync between machines through an existing sync tool (Syncthing, Nextcloud, Dropbox, git).

Each machine has a device id (reader.sync.device). A device writes only its own files inside the
library, `devices/<device>/state.json` + `devices/<device>/state.d/*.json` (an ordinary StateStore used
as an engine: lock, atomic writes, backups, damage recovery), and reading merges every device's files
(reader.sync.view): per field, the value with the newest hybrid-logical-clock stamp wins; deletions
are tombstones; notes are versions with parent ids, so two concurrent edits are two heads (a visible
conflict) until the user chooses. reader.sync.store.SyncedStore gives the StateStore API over that.
"""
