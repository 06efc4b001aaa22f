"""eokb: the reference API for US executive orders."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eokb")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
