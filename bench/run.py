"""Benchmark of the app: generated content in PostgreSQL, the app behind gunicorn, its API
next to a static file of the same size behind nginx as the baseline, and its HTML pages, all
measured with wrk (warm), and each page and answer once more with every cache emptied before
each request (cold).

Run it as `.venv/bin/python -m bench.run` from the project's folder (or `make bench`);
bench/README.md explains the options and how to read the table it prints.
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import dj_database_url

from tools import servers
from tools.servers import ServerError, fetch, free_port

LATENCY_SCRIPT = Path(__file__).resolve().with_name("latency.lua")
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"
LIST_PATH = "/api/v2/pages/?type=articles.ArticlePage&fields=*&limit=20"
LIST_SIZE = 20
# (wrk threads, connections): one client alone, then sixteen at once.
LOADS = [(1, 1), (2, 16)]
RESULT_MARKER = "BENCH_RESULT "

# Figures of other setups, for comparison; measured elsewhere, not by this script.
PEERS = [
    ("bakerydemo, stock Wagtail API: list", "18.7", "917", "135"),
    ("bakerydemo, stock Wagtail API: detail", "141", "126", "15"),
    ("nginx, static file", "~31,500", "", ""),
]
# What the API must reach at 16 clients with 2 sync gunicorn workers and no cache in front.
TARGET_REQUESTS_PER_S = {"API list": 187, "API detail": 423}
TARGET_P95_MS = 100
# What the app itself must reach with the response cache off and nothing in front (issue 17):
# p50 at 1 client and p95 at 16 clients, in ms, per kind of request.
APP_TARGETS_MS = {
    "article page": (20, 100),
    "news list": (20, 100),
    "event list": (20, 100),
    "API detail": (10, 60),
    "API list": (15, 80),
}
# The HTML pages measured, next to the API's list and detail: the first article of the list,
# the news and event lists, and the first project.
HTML_KINDS = ("article page", "news list", "event list", "project page")
API_KINDS = ("API list", "API detail")
# Requests per cold row: each one after emptying every cache (Redis), one client.
COLD_REQUESTS = 40
# A large archive (issue 17): from this many articles on, the run also measures the requests
# that grow with the archive, at one client, against their p95 targets in ms.
ARCHIVE_FROM_ARTICLES = 10_000
ARCHIVE_TARGET_P95_MS = 100
SITEMAP_TARGET_P95_MS = 1000
LOAD_TARGET_S = 15 * 60
# Words of the generated content: one in about a tenth of the articles (a topic), one in a
# handful of pages only (the demo's page on sign language).
COMMON_WORD = "Mobilität"
RARE_WORD = "Gebärdensprache"

NGINX_CONF = """\
daemon off;
worker_processes {workers};
pid {root}/nginx.pid;
error_log {root}/error.log warn;

events {{
    worker_connections 1024;
}}

http {{
    access_log off;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    types {{
        application/json json;
    }}
    default_type application/octet-stream;
    sendfile on;
    keepalive_requests 1000000;

    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
    }}
}}
"""


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


@dataclass
class Result:
    scenario: str
    clients: int
    requests_per_s: float
    p50_ms: float
    p95_ms: float
    queries: str = ""
    socket_errors: int = 0


# Processes


class Processes:
    """The servers this run started, stopped together however the run ends."""

    def __init__(self):
        self._running: list[subprocess.Popen] = []

    def start(self, args: list[str], log_path: Path, env: dict | None = None) -> subprocess.Popen:
        process = servers.start(args, log_path, env)
        self._running.append(process)
        return process

    def started(self, process: subprocess.Popen) -> subprocess.Popen:
        self._running.append(process)
        return process

    def stop(self, process: subprocess.Popen) -> None:
        if process in self._running:
            self._running.remove(process)
            servers.stop(process, timeout=10)

    def stop_all(self) -> None:
        while self._running:
            self.stop(self._running[-1])


# Preparation


def flush_redis(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url).flushdb()
    except redis.RedisError as error:
        raise ServerError(f"Could not flush Redis at {url}: {error}") from None


def app_environment(args, var_dir: Path, port: int, response_cache: bool) -> dict[str, str]:
    """Production settings as a deployment would set them, on plain http on the loopback."""
    return {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": args.secret_key,
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # TLS ends in a proxy in front of gunicorn in production; wrk speaks plain http.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database_url,
        "DATABASE_CONN_MAX_AGE": str(args.conn_max_age),
        "CMS_VAR_DIR": str(var_dir),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "REDIS_URL": args.redis_url,
        "API_RESPONSE_CACHE": "true" if response_cache else "false",
    }


def load_content(args) -> float:
    """Migrate, collect the static files, generate the content, its renditions and the search
    index, in this process; returns the seconds it took."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from articles.models import ArticlePage
    from bench.bulk import build_search_index
    from bench.content import BenchContent, prerender_renditions
    from events.models import EventPage

    load_started = started = time.monotonic()
    call_command("migrate", verbosity=0)
    say(f"Migrated in {time.monotonic() - started:.0f} s.")
    # The pages link the hashed static files, as in production: they need the manifest.
    call_command("collectstatic", interactive=False, verbosity=0)

    started = time.monotonic()
    created = BenchContent(articles=args.articles, events=args.events, images=args.images).load()
    summary = ", ".join(f"{count} {label}" for label, count in sorted(created.items()))
    say(f"Content loaded in {time.monotonic() - started:.0f} s: {summary}.")

    started = time.monotonic()
    renditions = prerender_renditions()
    say(f"{renditions} renditions ready in {time.monotonic() - started:.0f} s.")
    started = time.monotonic()
    entries = build_search_index({ArticlePage, EventPage})
    say(f"Search index of {entries} entries built in {time.monotonic() - started:.0f} s.")
    # A database that has run a while has statistics; a freshly loaded one gets them now,
    # as autovacuum would, so the planner does not guess one row per table.
    with connections["default"].cursor() as cursor:
        cursor.execute("ANALYZE")
    connections.close_all()
    return time.monotonic() - load_started


def find_paths(client) -> dict[str, str]:
    """The address of each kind of request measured, found through the API as an app would:
    the list's first article (its API detail and its page), the news and event lists and the
    first project."""
    paths = {"API list": LIST_PATH}
    listing = client.get(LIST_PATH)
    if listing.status_code != 200:
        raise ServerError(f"{LIST_PATH} answered {listing.status_code}: {listing.content[:500]!r}")
    first = first_list_item(listing.content)
    paths["API detail"] = f"/api/v2/pages/{first['id']}/"
    paths["article page"] = urlsplit(first["meta"]["html_url"]).path
    for kind, page_type in [
        ("news list", "articles.ArticleIndexPage"),
        ("event list", "events.EventIndexPage"),
        ("project page", "projects.ProjectPage"),
    ]:
        answer = client.get(f"/api/v2/pages/?type={page_type}&limit=1")
        items = json.loads(answer.content)["items"] if answer.status_code == 200 else []
        if not items:
            raise ServerError(f"No live {page_type} to measure: is the content loaded?")
        paths[kind] = urlsplit(items[0]["meta"]["html_url"]).path
    return paths


def archive_paths(paths: dict[str, str]) -> dict[str, tuple[str, int]]:
    """The requests that grow with a large archive (issue 17), each with its p95 target in ms."""
    news, events = paths["news list"], paths["event list"]
    api_list = "/api/v2/pages/?type=articles.ArticlePage&fields=*&limit=20"
    return {
        "news list, page 1": (news, ARCHIVE_TARGET_P95_MS),
        "news list, page 2,000": (f"{news}?seite=2000", ARCHIVE_TARGET_P95_MS),
        "API list, offset 0": (api_list, ARCHIVE_TARGET_P95_MS),
        "API list, offset 50,000": (f"{api_list}&offset=50000", ARCHIVE_TARGET_P95_MS),
        "site search, common word": (f"/suche/?{urlencode({'q': COMMON_WORD})}", ARCHIVE_TARGET_P95_MS),
        "site search, rare word": (f"/suche/?{urlencode({'q': RARE_WORD})}", ARCHIVE_TARGET_P95_MS),
        "API search, common word": (
            f"/api/v2/pages/?{urlencode({'search': COMMON_WORD})}",
            ARCHIVE_TARGET_P95_MS,
        ),
        "API search, rare word": (
            f"/api/v2/pages/?{urlencode({'search': RARE_WORD})}",
            ARCHIVE_TARGET_P95_MS,
        ),
        "event list": (events, ARCHIVE_TARGET_P95_MS),
        "event calendar (iCal)": (f"{events}ical/", ARCHIVE_TARGET_P95_MS),
        "news feed (Atom)": (f"{news}feed/", ARCHIVE_TARGET_P95_MS),
        "sitemap index": ("/sitemap.xml", SITEMAP_TARGET_P95_MS),
        "sitemap file": ("/sitemap-pages.xml?p=2", SITEMAP_TARGET_P95_MS),
    }


def count_archive_queries(host: str, requests: dict[str, tuple[str, int]]) -> dict[str, int]:
    """The queries each archive request costs in this process, after one that fills the caches."""
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST=host)
    counts = {}
    with override_settings(API_RESPONSE_CACHE=False):
        for kind, (path, _target) in requests.items():
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            if response.status_code != 200:
                raise ServerError(f"{path} answered {response.status_code}: {response.content[:500]!r}")
            counts[kind] = len(queries)
    connections.close_all()
    return counts


def count_queries(host: str) -> tuple[dict[str, str], dict[str, tuple[int, int | None, int]]]:
    """The address of each kind of request, and the queries each costs in this process with
    the same settings: (without the response cache, served from it, None for HTML pages,
    which the response cache does not hold; and cold, with every cache emptied first)."""
    from django.core.cache import caches
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from delivery.content_version import record_change

    client = Client(HTTP_HOST=host)
    with override_settings(API_RESPONSE_CACHE=False):
        paths = find_paths(client)
    counts = {}
    for kind, path in paths.items():
        with override_settings(API_RESPONSE_CACHE=False):
            # The first request of a process also fills its caches (content types, sites).
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
        # Counted right away: the next request outside a capture clears the query log.
        uncached = len(queries)
        if response.status_code != 200:
            raise ServerError(f"{path} answered {response.status_code}: {response.content[:500]!r}")
        cached = None
        if kind in API_KINDS:
            with override_settings(API_RESPONSE_CACHE=True):
                client.get(path)
                with CaptureQueriesContext(connection) as queries:
                    client.get(path)
            cached = len(queries)
        with override_settings(API_RESPONSE_CACHE=False):
            for cache in caches.all():
                cache.clear()
            record_change()
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
        counts[kind] = (uncached, cached, len(queries))
    connections.close_all()
    return paths, counts


def first_list_item(list_body: bytes) -> dict:
    items = json.loads(list_body)["items"]
    if len(items) != LIST_SIZE:
        raise ServerError(f"The list answered {len(items)} items, not {LIST_SIZE}: is the content loaded?")
    return items[0]


# Servers and measurement


def start_gunicorn(processes: Processes, env: dict, port: int, workers: int, log_path: Path):
    process = servers.start_gunicorn({**os.environ, **env}, port, workers, log_path, "/api/v2/pages/?limit=1")
    return processes.started(process)


def start_nginx(processes: Processes, root: Path, port: int, files: dict[str, bytes]) -> None:
    nginx = find_tool("nginx")
    www = root / "www"
    www.mkdir(parents=True)
    for name, body in files.items():
        (www / name).write_bytes(body)
    # nginx's workers run as an unprivileged user when started as root: they must be able
    # to read the files.
    for path in (root.parent, root, www, *www.iterdir()):
        path.chmod(0o755)
    config = root / "nginx.conf"
    config.write_text(NGINX_CONF.format(root=root, port=port, workers=os.cpu_count() or 1))
    log_path = root / "nginx.out"
    process = processes.start(
        [nginx, "-p", str(root), "-c", str(config), "-e", str(root / "error.log")], log_path
    )
    servers.wait_until_serving(f"http://127.0.0.1:{port}/{next(iter(files))}", process, log_path)


def run_wrk(url: str, threads: int, connections: int, seconds: int) -> dict:
    args = [
        find_tool("wrk"),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        # Slow answers are latencies to report, not timeouts to drop.
        "--timeout",
        "60s",
        "-s",
        str(LATENCY_SCRIPT),
        url,
    ]
    completed = subprocess.run(args, capture_output=True, text=True, check=False)
    lines = [line for line in completed.stdout.splitlines() if line.startswith(RESULT_MARKER)]
    if completed.returncode != 0 or not lines:
        raise ServerError(f"wrk failed on {url}:\n{completed.stdout}{completed.stderr}")
    result = json.loads(lines[-1].removeprefix(RESULT_MARKER))
    if result["error_statuses"]:
        raise ServerError(f"{result['error_statuses']} answers from {url} had an error status.")
    return result


def warm_up(url: str, seconds: int) -> None:
    """Two clients for a while, so both workers have loaded code and filled their caches."""
    run_wrk(url, 1, 2, seconds)
    fetch(url)


def measure(scenario: str, url: str, seconds: int, queries: str) -> list[Result]:
    results = []
    for threads, connections in LOADS:
        say(f"  {scenario}, {connections} client(s), {seconds} s ...")
        data = run_wrk(url, threads, connections, seconds)
        # Sync workers still answer what wrk left queued when it stopped; this request waits
        # its turn behind them, so the next run starts on an idle server (however long the
        # queue: 16 slow pages on a busy machine take longer than fetch's usual 30 seconds).
        fetch(url, timeout=300)
        results.append(
            Result(
                scenario=scenario,
                clients=connections,
                requests_per_s=data["requests_per_s"],
                p50_ms=data["p50_ms"],
                p95_ms=data["p95_ms"],
                queries=queries,
                socket_errors=data["socket_errors"],
            )
        )
    return results


def measure_archive(host: str, requests: dict, queries: dict[str, int], args) -> list[Result]:
    """Each large-archive request by one client for `--duration` seconds, after a warm-up."""
    results = []
    for kind, (path, _target) in requests.items():
        url = f"http://{host}{path}"
        warm_up(url, args.warmup)
        say(f"  {kind}, 1 client, {args.duration} s ...")
        data = run_wrk(url, 1, 1, args.duration)
        fetch(url, timeout=300)
        results.append(
            Result(kind, 1, data["requests_per_s"], data["p50_ms"], data["p95_ms"], str(queries[kind]))
        )
    return results


def measure_cold(scenario: str, url: str, redis_url: str, queries: str) -> Result:
    """One client, every cache emptied before each request: what the first reader after a
    change, or of a page nobody has asked for in a while, waits for. Redis is flushed and the
    content version moved forward, as a publish moves it, so what the app's processes keep
    for the current content (core.fragments, `remembered`) is dropped too."""
    import redis

    from delivery.content_version import record_change

    say(f"  {scenario}, {COLD_REQUESTS} requests, each after emptying the cache ...")
    cache = redis.Redis.from_url(redis_url)
    timings = []
    for _ in range(COLD_REQUESTS):
        cache.flushdb()
        record_change()
        started = time.perf_counter()
        fetch(url)
        timings.append((time.perf_counter() - started) * 1000)
    return Result(
        scenario=scenario,
        clients=1,
        requests_per_s=1000 / statistics.mean(timings),
        p50_ms=statistics.median(timings),
        p95_ms=statistics.quantiles(timings, n=20, method="inclusive")[18],
        queries=queries,
    )


# Report


def results_table(results: list[Result]) -> list[str]:
    lines = [
        "| scenario | clients | req/s | p50 ms | p95 ms | queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        lines.append(
            f"| {result.scenario} | {result.clients} | {result.requests_per_s:,.1f} | "
            f"{result.p50_ms:.1f} | {result.p95_ms:.1f} | {result.queries} |"
        )
    return lines


def targets_table(results: list[Result], scenarios: dict[str, tuple[str, bool]]) -> list[str]:
    """The API's throughput targets at 16 clients, checked for each API scenario measured."""
    lines = [
        "| scenario | req/s at 16 | target | p95 ms at 16 | target | met |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    busiest = max(connections for _threads, connections in LOADS)
    for result in results:
        kind, _ = scenarios.get(result.scenario, (None, None))
        if kind not in TARGET_REQUESTS_PER_S or result.clients != busiest:
            continue
        target = TARGET_REQUESTS_PER_S[kind]
        met = result.requests_per_s >= target and result.p95_ms < TARGET_P95_MS
        lines.append(
            f"| {result.scenario} | {result.requests_per_s:,.1f} | ≥ {target} | {result.p95_ms:.1f} | "
            f"< {TARGET_P95_MS} | {'yes' if met else 'no'} |"
        )
    return lines


def app_targets_table(results: list[Result], scenarios: dict[str, tuple[str, bool]]) -> list[str]:
    """The app's own targets (response cache off): p50 at 1 client, p95 at 16 clients."""
    lines = [
        "| request | p50 ms at 1 | target | p95 ms at 16 | target | met |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    busiest = max(connections for _threads, connections in LOADS)
    warm = {
        (scenarios[result.scenario][0], result.clients): result
        for result in results
        if result.scenario in scenarios and not scenarios[result.scenario][1]
    }
    for kind, (p50_target, p95_target) in APP_TARGETS_MS.items():
        alone, busy = warm.get((kind, 1)), warm.get((kind, busiest))
        if alone is None or busy is None:
            continue
        met = alone.p50_ms <= p50_target and busy.p95_ms <= p95_target
        lines.append(
            f"| {kind} | {alone.p50_ms:.1f} | ≤ {p50_target} | {busy.p95_ms:.1f} | ≤ {p95_target} | "
            f"{'yes' if met else 'no'} |"
        )
    return lines


def archive_table(results: list[Result], requests: dict[str, tuple[str, int]]) -> list[str]:
    """The large archive's requests at one client against their p95 targets."""
    lines = [
        "| request | address | p50 ms | p95 ms | target p95 | queries | met |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for result in results:
        path, target = requests[result.scenario]
        met = "yes" if result.p95_ms <= target else "no"
        lines.append(
            f"| {result.scenario} | `{path}` | {result.p50_ms:.1f} | {result.p95_ms:.1f} | ≤ {target:,} | "
            f"{result.queries} | {met} |"
        )
    return lines


def peers_table() -> list[str]:
    lines = ["| peer | req/s | p95 ms | queries |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {name} | {rps} | {p95} | {queries} |" for name, rps, p95, queries in PEERS]
    return lines


def _loads(averages) -> str:
    return " / ".join(f"{load:.2f}" for load in averages)


def report_lines(args, results, scenarios, paths, static_files, load_before, archive) -> list[str]:
    database = dj_database_url.parse(args.database_url)["NAME"]
    report = [
        "## Benchmark",
        "",
        f"- Machine: {platform.platform()}, {os.cpu_count()} CPU(s); load average (1, 5, 15 min) "
        f"before measuring {_loads(load_before)}, at the end {_loads(os.getloadavg())}",
        f"- Content: {args.articles} articles, {args.events} events in PostgreSQL database `{database}`",
        f"- App: gunicorn {args.workers} sync workers, cms.settings.production, DEBUG off, "
        f"DATABASE_CONN_MAX_AGE={args.conn_max_age}, REDIS_URL={args.redis_url}; nothing in front",
        f"- List: `{LIST_PATH}` ({len(static_files['list.json']) / 1024:.0f} KiB); "
        f"detail: the list's first article ({len(static_files['detail.json']) / 1024:.0f} KiB); "
        "HTML: " + ", ".join(f"{kind} `{paths[kind]}`" for kind in HTML_KINDS),
        f"- wrk {args.duration} s per row (1 client: -t1 -c1; 16 clients: -t2 -c16), "
        f"after {args.warmup} s of warm-up per URL; {tool_version(['wrk', '--version'])}; "
        f"{tool_version(['nginx', '-v'])}",
        "- queries: per request, counted in process with the same settings (warm; served from the "
        "response cache; cold)",
        f"- cold: {COLD_REQUESTS} requests by one client; before each, Redis (the cache, the API's "
        "response cache) emptied and the content version moved forward as a publish moves it (what "
        "the processes keep for the current content dropped)",
        "",
        *results_table(results),
        "",
        "### The app's own targets (response cache off, 2 sync workers, nothing in front)",
        "",
        *app_targets_table(results, scenarios),
        "",
        "### API throughput targets (16 clients, 2 sync workers, no cache in front)",
        "",
        *targets_table(results, scenarios),
        "",
        "### Peer figures (measured elsewhere, for comparison)",
        "",
        *peers_table(),
    ]
    if archive:
        load_seconds, requests, archive_results = archive
        met = "met" if load_seconds <= LOAD_TARGET_S else "not met"
        report += [
            "",
            "### Large archive (issue 17: 1 client, response cache off, nothing in front)",
            "",
            f"Loaded in {load_seconds / 60:.1f} min (target ≤ {LOAD_TARGET_S // 60} min: {met}): migration, "
            "content, renditions and search index. p95 targets: 100 ms, the sitemap's index and files 1 s.",
            "",
            *archive_table(archive_results, requests),
        ]
    for result in results:
        if result.socket_errors:
            report.append(
                f"\nwrk saw {result.socket_errors} socket errors: "
                f"{result.scenario}, {result.clients} client(s)."
            )
    return report


def tool_version(args: list[str]) -> str:
    completed = subprocess.run([find_tool(args[0]), *args[1:]], capture_output=True, text=True, check=False)
    output = (completed.stdout + completed.stderr).strip().splitlines()
    return output[0].split(" Copyright")[0] if output else "unknown"


# Main


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Benchmark the API (next to nginx serving the same JSON) and the HTML pages, "
        "warm and cold (bench/README.md)."
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per URL (default 3)")
    parser.add_argument("--articles", type=int, default=1000, help="articles in the database (default 1000)")
    parser.add_argument("--events", type=int, default=300, help="events in the database (default 300)")
    parser.add_argument(
        "--images", type=int, default=40, help="generated images besides the demo's (default 40)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="DATABASE_CONN_MAX_AGE for the app: seconds a worker keeps its database connection (default 60)",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        help="database to drop and recreate; its name must contain 'bench' "
        f"(default BENCH_DATABASE_URL or {DEFAULT_DATABASE_URL})",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        help="Redis database for the app's cache, flushed first "
        f"(default BENCH_REDIS_URL or {DEFAULT_REDIS_URL})",
    )
    parser.add_argument(
        "--response-cache",
        choices=["both", "on", "off"],
        default="both",
        help="measure the API with the in-app response cache, without it, or both (default both)",
    )
    parser.add_argument(
        "--keep-temp", action="store_true", help="keep the temporary folder with logs and media"
    )
    args = parser.parse_args(argv)
    args.secret_key = secrets.token_urlsafe(50)
    return args


def find_tool(name: str) -> str | None:
    # nginx lives in /usr/sbin, which is not on every user's PATH.
    return shutil.which(name) or shutil.which(name, path="/usr/sbin")


def check_tools() -> None:
    missing = [tool for tool in ("wrk", "nginx") if not find_tool(tool)]
    if missing:
        raise ServerError(f"Missing tools: {', '.join(missing)} (Debian: apt-get install wrk nginx).")


def run(args, temp_dir: Path, processes: Processes) -> list[str]:
    app_port, static_port = free_port(), free_port()
    modes = {"both": [True, False], "on": [True], "off": [False]}[args.response_cache]
    var_dir = temp_dir / "var"
    os.environ.update(app_environment(args, var_dir, app_port, response_cache=modes[0]))

    say(f"Recreating the database {dj_database_url.parse(args.database_url)['NAME']} ...")
    servers.recreate_database(args.database_url, marker="bench")
    load_seconds = load_content(args)

    flush_redis(args.redis_url)
    host = f"127.0.0.1:{app_port}"
    paths, queries = count_queries(host)
    urls = {kind: f"http://{host}{path}" for kind, path in paths.items()}
    archive_requests = archive_paths(paths) if args.articles >= ARCHIVE_FROM_ARTICLES else {}
    archive_queries = count_archive_queries(host, archive_requests) if archive_requests else {}
    load_before = os.getloadavg()

    results: list[Result] = []
    # Each measured scenario: its kind of request, and whether the response cache was on.
    scenarios: dict[str, tuple[str, bool]] = {}
    static_files: dict[str, bytes] = {}
    for response_cache in modes:
        label = "cached" if response_cache else "uncached"
        # The response cache holds API answers only: the pages are measured once, without it.
        kinds = API_KINDS if response_cache else (*API_KINDS, *HTML_KINDS)
        flush_redis(args.redis_url)
        env = app_environment(args, var_dir, app_port, response_cache)
        switch = "on" if response_cache else "off"
        say(f"Starting gunicorn ({args.workers} sync workers, response cache {switch}) ...")
        gunicorn = start_gunicorn(processes, env, app_port, args.workers, temp_dir / f"gunicorn-{label}.log")
        # The baseline serves exactly what the app answers, byte for byte.
        static_files = {"list.json": fetch(urls["API list"]), "detail.json": fetch(urls["API detail"])}
        for kind in kinds:
            warm_up(urls[kind], args.warmup)
        for kind in kinds:
            warm, cached, _ = queries[kind]
            scenario = f"{kind} ({label})" if kind in API_KINDS else f"{kind} (HTML)"
            scenarios[scenario] = (kind, response_cache)
            results += measure(scenario, urls[kind], args.duration, str(cached if response_cache else warm))
        if not response_cache:
            for kind in kinds:
                scenario = f"{kind}, cold" if kind in API_KINDS else f"{kind} (HTML), cold"
                results.append(measure_cold(scenario, urls[kind], args.redis_url, str(queries[kind][2])))
            archive_results = measure_archive(host, archive_requests, archive_queries, args)
        processes.stop(gunicorn)

    say("Starting nginx with the same JSON as static files ...")
    start_nginx(processes, temp_dir / "nginx", static_port, static_files)
    for name, body in static_files.items():
        url = f"http://127.0.0.1:{static_port}/{name}"
        warm_up(url, args.warmup)
        results += measure(f"nginx static {name} ({len(body) / 1024:.0f} KiB)", url, args.duration, "–")
    processes.stop_all()

    archive = (load_seconds, archive_requests, archive_results) if archive_requests else None
    return report_lines(args, results, scenarios, paths, static_files, load_before, archive)


def main(argv=None) -> int:
    args = parse_args(argv)
    # A plain `kill` ends the run the same way as Ctrl-C: servers stopped, temp folder removed.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    processes = Processes()
    temp_dir = Path(tempfile.mkdtemp(prefix="cms-bench-"))
    try:
        check_tools()
        report = run(args, temp_dir, processes)
    except ServerError as error:
        say(f"Benchmark failed: {error}")
        return 1
    except KeyboardInterrupt:
        say("Interrupted.")
        return 130
    finally:
        processes.stop_all()
        if args.keep_temp:
            say(f"Logs and media kept in {temp_dir}")
        else:
            shutil.rmtree(temp_dir, ignore_errors=True)
    say()
    say("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
