"""Imported by the forkserver of a LocalCluster's workers (see ``forkserver``):
load what converting needs (ftfy, the word lists, the Markdown parser...) once,
so that every worker forked from the server has it already. Single-threaded,
like the server itself."""

from tidyink.batch.warm import warm_up_here
from tidyink.options import Options

warm_up_here(Options(), ("warm-up.md", "warm-up.txt"))
