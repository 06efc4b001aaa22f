"""A TCP proxy on loopback that a test puts between the service and Postgres, to fail the network on demand.

`cut()` is a server gone: new connections are refused and open ones reset. `blackhole()` is a silent network:
connections are accepted and bytes taken, but nothing passes either way, as TCP holds them through a partition,
until `restore()` forwards again. The proxy runs its own event loop in a thread, so a test drives it from anywhere.
"""

import asyncio
import socket
import struct
import threading
from collections.abc import Coroutine
from typing import Any, Self

CHUNK = 64 * 1024


class TcpProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.host, self.port = "127.0.0.1", 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()  # both ends of every connection passing through
        self._pipes: set[asyncio.Task[Any]] = set()
        self._passing = asyncio.Event()  # set: bytes flow; clear: the network is silent

    def __enter__(self) -> Self:
        self._thread.start()
        self._call(self._listen())
        return self

    def __exit__(self, *_: object) -> None:
        self._call(self._close_all())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def cut(self) -> None:
        """Refuse new connections and reset the open ones."""
        self._call(self._close_all())

    def blackhole(self) -> None:
        """Accept connections but let nothing through, either way, on new or open connections."""
        self._call(self._silence())

    def restore(self) -> None:
        """Forward again: listen if cut, and let held bytes through if blackholed."""
        self._call(self._listen())

    def _call(self, coroutine: Coroutine[Any, Any, None]) -> None:
        asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(10)

    async def _listen(self) -> None:
        self._passing.set()
        if self._server is None:
            # the same port again, so the service's URL stays right; SO_REUSEADDR lets it rebind at once
            self._server = await asyncio.start_server(self._pipe, self.host, self.port, reuse_address=True)
            self.port = self._server.sockets[0].getsockname()[1]

    async def _silence(self) -> None:
        self._passing.clear()

    async def _close_all(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in self._open:
            _reset(writer)
        self._passing.set()  # what was held meets the reset connections and ends
        if self._pipes:
            await asyncio.wait(self._pipes, timeout=5)

    async def _pipe(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._pipes.add(task)
        writers = [client_writer]
        self._open.add(client_writer)
        try:
            await self._passing.wait()
            if client_writer.is_closing():
                return  # reset while it was held
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.upstream)
            writers.append(upstream_writer)
            self._open.add(upstream_writer)
            await asyncio.gather(
                self._forward(client_reader, upstream_writer), self._forward(upstream_reader, client_writer)
            )
        except OSError:
            pass  # one side went away: the other goes too
        finally:
            for writer in writers:
                self._open.discard(writer)
                writer.close()
            self._pipes.discard(task)

    async def _forward(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(CHUNK):
            await self._passing.wait()
            writer.write(data)
            await writer.drain()
        await self._passing.wait()
        writer.close()


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with an RST rather than a FIN, as a crashed server or a dropped route does."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
