"""全库搜索 (search all reports): the panel, its results tree and how a hit opens its report."""
