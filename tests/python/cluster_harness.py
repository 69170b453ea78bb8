"""A throwaway cluster on loopback for tests and measurements: PostgreSQL (initdb/pg_ctl, as the postgres user when
run as root), three `armistice serve --node` processes and HAProxy with the configuration
`armistice cluster haproxy-config` generates. Everything is stopped by `stop()`, also after a failure.
"""
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("ARMISTICE_BIN", os.path.join(ROOT, ".build", "debug", "armistice"))
KEY = "python-cluster-instructor-key"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is missing: run scripts/setup.sh (apt-get install postgresql)")
    return found[-1]


class Cluster:
    def __init__(self, durability="strict", nodes=("a", "b", "c"), dead_after=2.0):
        self.durability, self.names, self.dead_after = durability, list(nodes), dead_after
        self.dir = tempfile.mkdtemp(prefix="armistice-cluster-")
        os.chmod(self.dir, 0o755)
        self.pg_port, self.proxy_port = free_port(), free_port()
        self.ports = {n: free_port() for n in self.names}
        self.prefixes = {n: "ABCDEFGH"[i] for i, n in enumerate(self.names)}
        self.procs, self.haproxy, self.pg_started = {}, None, False
        self.database = f"postgres://armistice@127.0.0.1:{self.pg_port}/postgres"

    # PostgreSQL ---------------------------------------------------------------------------------------------
    def _as_postgres(self, args):
        if os.geteuid() == 0:
            return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in args)]
        return args

    def start_postgres(self):
        pg = os.path.join(self.dir, "pg")
        os.mkdir(pg)
        if os.geteuid() == 0:
            shutil.chown(pg, "postgres")
        subprocess.run(self._as_postgres([pg_bin("initdb"), "-D", f"{pg}/data", "-A", "trust", "-U", "armistice"]),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        options = f"-p {self.pg_port} -k {pg} -c listen_addresses=127.0.0.1 -c fsync=on"
        subprocess.run(self._as_postgres([pg_bin("pg_ctl"), "-D", f"{pg}/data", "-l", f"{pg}/log", "-w", "-t", "60",
                                          "-o", options, "start"]), check=True, stdout=subprocess.DEVNULL)
        self.pg_started = True

    def sql(self, query):
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "armistice", "-d", "postgres",
                              "-At", "-c", query], check=True, capture_output=True, text=True)
        return out.stdout.strip()

    # Nodes and HAProxy --------------------------------------------------------------------------------------
    def node_spec(self, n):
        return f"{n}=127.0.0.1:{self.ports[n]}:{self.prefixes[n]}"

    def haproxy_config(self):
        path = os.path.join(self.dir, "haproxy.cfg")
        subprocess.run([BINARY, "cluster", "haproxy-config", "--bind", f"127.0.0.1:{self.proxy_port}", "--output", path,
                        *[a for n in self.names for a in ("--node", self.node_spec(n))]], check=True)
        return path

    def start_node(self, n):
        data = os.path.join(self.dir, f"node-{n}")
        os.makedirs(data, exist_ok=True)
        log = open(os.path.join(self.dir, f"node-{n}.log"), "a")
        proc = subprocess.Popen(
            [BINARY, "serve", "--host", "127.0.0.1", "--port", str(self.ports[n]), "--data", data,
             "--rulesets", os.path.join(ROOT, "rulesets"), "--instructor-key", KEY, "--log-level", "notice",
             "--node", n, "--code-prefix", self.prefixes[n], "--postgres", self.database,
             "--durability", self.durability, "--dead-after", str(self.dead_after)],
            stdout=subprocess.PIPE, stderr=log, text=True)
        self.procs[n] = proc
        for line in proc.stdout:
            if re.search(r"listening on port (\d+)", line):
                return proc
        raise RuntimeError(f"node {n} did not start: see {log.name}:\n" + open(log.name).read()[-2000:])

    def start(self):
        self.start_postgres()
        config = self.haproxy_config()
        check = subprocess.run(["haproxy", "-c", "-f", config], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        for n in self.names:
            self.start_node(n)
        self.haproxy = subprocess.Popen(["haproxy", "-f", config, "-p", os.path.join(self.dir, "haproxy.pid")],
                                        stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.dir, "haproxy.log"), "w"))
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.proxy_port}/healthz", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("HAProxy did not answer /healthz")

    def kill(self, n):
        """kill -9, as a machine that dies."""
        self.procs[n].send_signal(signal.SIGKILL)
        self.procs[n].wait(timeout=10)

    def node_log(self, n):
        return open(os.path.join(self.dir, f"node-{n}.log")).read()

    def stop(self):
        for proc in [*self.procs.values(), self.haproxy]:
            if proc and proc.poll() is None:
                proc.terminate()
        for proc in [*self.procs.values(), self.haproxy]:
            if proc:
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                if proc.stdout:
                    proc.stdout.close()
        if self.pg_started:
            subprocess.run(self._as_postgres([pg_bin("pg_ctl"), "-D", f"{self.dir}/pg/data", "stop", "-m", "immediate"]),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if os.environ.get("ARMISTICE_KEEP_CLUSTER"):
            print("cluster files kept in", self.dir)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)
