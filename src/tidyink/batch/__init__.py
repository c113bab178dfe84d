"""Batch conversion of a folder or archive: walk, work unit, engines, manifest, report.

``tidyink convert SRC_DIR -o OUT_DIR`` is :func:`run_batch`; the rooms are
:mod:`~tidyink.batch.walk` (what to convert), :mod:`~tidyink.batch.work` (one file),
:mod:`~tidyink.batch.engines` (inline, process pool, Dask),
:mod:`~tidyink.batch.manifest` (resumable reruns), :mod:`~tidyink.batch.report`
(report file, progress, summary), :mod:`~tidyink.batch.run` (the whole run) and
:mod:`~tidyink.batch.command` (the run from the command line).
"""

from tidyink.batch.command import run_cli
from tidyink.batch.run import BatchConfig, check_folders, is_batch_input, run_batch
from tidyink.batch.walk import Blob, Member
from tidyink.batch.work import DEFAULT_MAX_SIZE, convert_file, count_file, options_key

__all__ = [
    "DEFAULT_MAX_SIZE",
    "BatchConfig",
    "Blob",
    "Member",
    "check_folders",
    "convert_file",
    "count_file",
    "is_batch_input",
    "options_key",
    "run_batch",
    "run_cli",
]
