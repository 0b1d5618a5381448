"""The 书库 (library view): every report in a lazily fetched, sortable, filterable table, and the 回收站."""
