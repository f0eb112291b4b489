from copydesk.models import Article

__all__ = [
    "CopydeskError",
    "__version__",
    "_entity_stage_for_benchmarks",
    "_extract_html_for_benchmarks",
    "_panic_for_tests",
    "analyze",
    "analyze_batch",
]

__version__: str

class CopydeskError(ValueError): ...

def analyze(text: str, *, clean: bool = True, format: str = "auto") -> Article: ...
def analyze_batch(
    texts: list[str],
    *,
    clean: bool = True,
    format: str = "auto",
    threads: int | None = None,
    parallel: bool = True,
) -> list[Article]: ...
def _panic_for_tests(in_worker: bool = False) -> None: ...
def _entity_stage_for_benchmarks(texts: list[str]) -> int: ...
def _extract_html_for_benchmarks(pages: list[str]) -> list[str]: ...
