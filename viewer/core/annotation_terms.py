"""The words annotations are made of, shared by the store, share files and exports: kinds and colour keys."""

#: The kinds of annotation, in the order lists and menus show them.
ANNOTATION_KINDS = ("note", "bookmark", "highlight")

#: Each highlight colour key with its default meaning (the user may rename them; the UI translates these).
DEFAULT_COLOUR_NAMES = {"yellow": "重点", "blue": "疑问", "green": "待办", "pink": "数据", "purple": "引用"}

#: The highlight colour keys, in palette order.
COLOUR_KEYS = tuple(DEFAULT_COLOUR_NAMES)
