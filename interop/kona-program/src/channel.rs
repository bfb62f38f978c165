//! A blocking `kona_preimage::Channel` over two inherited file descriptors, and an in-place executor.
//!
//! Why not `kona_std_fpvm::FileChannel`: in kona-std-fpvm 0.2.0 a native `read` issues one `read(2)` and
//! reports the whole buffer filled, so a pipe that delivers a short read (any pre-image larger than the pipe
//! buffer, and the devnet's blobs are) would hand the program garbage. This channel loops until the buffer is
//! full, and tells a clean EOF at a frame boundary (`Closed`) from a truncated frame (`UnexpectedEOF`).

use async_trait::async_trait;
use kona_preimage::{
    Channel,
    errors::{ChannelError, ChannelResult},
};
use std::{
    fs::File,
    future::Future,
    io::{ErrorKind, Read, Write},
    mem::ManuallyDrop,
    os::fd::{FromRawFd, RawFd},
    pin::pin,
    task::{Context, Poll, Waker},
};

#[derive(Debug, Clone, Copy)]
pub struct FdChannel {
    read_fd: RawFd,
    write_fd: RawFd,
}

impl FdChannel {
    pub const fn new(read_fd: RawFd, write_fd: RawFd) -> Self {
        Self { read_fd, write_fd }
    }

    /// The fd as a `File` that is never closed: the host's pipes live as long as the process.
    fn file(fd: RawFd) -> ManuallyDrop<File> {
        ManuallyDrop::new(unsafe { File::from_raw_fd(fd) })
    }
}

#[async_trait]
impl Channel for FdChannel {
    async fn read(&self, buf: &mut [u8]) -> ChannelResult<usize> {
        Self::file(self.read_fd).read(buf).map_err(|_| ChannelError::Closed)
    }

    async fn read_exact(&self, buf: &mut [u8]) -> ChannelResult<usize> {
        let mut file = Self::file(self.read_fd);
        let mut filled = 0;
        while filled < buf.len() {
            match file.read(&mut buf[filled..]) {
                Ok(0) if filled == 0 => return Err(ChannelError::Closed),
                Ok(0) => return Err(ChannelError::UnexpectedEOF),
                Ok(n) => filled += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return Err(ChannelError::Closed),
            }
        }
        Ok(filled)
    }

    async fn write(&self, buf: &[u8]) -> ChannelResult<usize> {
        Self::file(self.write_fd).write_all(buf).map_err(|_| ChannelError::Closed)?;
        Ok(buf.len())
    }
}

/// Drives a future to completion on this thread. Every wait in the program is a blocking fd read inside a
/// `poll`, so futures finish on their first poll; the loop only covers one that yields.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
        std::thread::yield_now();
    }
}
