//! The request queue and the inference thread(s).
//!
//! Callers push one [`Job`] per text on a bounded channel (a full channel blocks the caller:
//! backpressure, never an unbounded buffer). Each worker thread owns one backend and loops:
//! block for a first job, then keep taking jobs until the batch would exceed the token budget
//! (batch size x longest text) or the size cap, or until `max_wait_ms` has passed since the
//! first job; run the batch; write each row into its request's slot. A job that would overflow
//! the budget is carried over to open the next batch. Workers stop when every sender is gone.

use super::backend::{Backend, Batch};
use super::{EncoderConfig, Output};
use crate::ClassifyError;
use crossbeam_channel::{bounded, Receiver, RecvTimeoutError, Sender};
use parking_lot::{Condvar, Mutex};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

struct Job {
    ids: Vec<u32>,
    output: Output,
    request: Arc<Request>,
    index: usize,
}

struct State {
    rows: Vec<Option<Vec<f32>>>,
    remaining: usize,
    error: Option<String>,
    waker: Option<Waker>,
}

struct Request {
    state: Mutex<State>,
    done: Condvar,
}

impl Request {
    fn complete(&self, index: usize, row: Result<Vec<f32>, String>) {
        let mut s = self.state.lock();
        match row {
            Ok(r) => s.rows[index] = Some(r),
            Err(e) => {
                s.error.get_or_insert(e);
            }
        }
        s.remaining -= 1;
        if s.remaining == 0 {
            self.done.notify_all();
            if let Some(w) = s.waker.take() {
                w.wake();
            }
        }
    }
}

/// The rows of one submitted request, in input order: `.wait()` blocks the calling thread,
/// `.await` parks the task instead.
pub struct Pending {
    request: Arc<Request>,
}

impl Pending {
    fn take(s: &mut State) -> Result<Vec<Vec<f32>>, ClassifyError> {
        if let Some(e) = s.error.take() {
            return Err(ClassifyError::Inference(e));
        }
        Ok(std::mem::take(&mut s.rows)
            .into_iter()
            .map(|r| r.unwrap_or_default())
            .collect())
    }

    /// Block until every row is back.
    pub fn wait(self) -> Result<Vec<Vec<f32>>, ClassifyError> {
        let mut s = self.request.state.lock();
        while s.remaining > 0 {
            self.request.done.wait(&mut s);
        }
        Self::take(&mut s)
    }
}

impl Future for Pending {
    type Output = Result<Vec<Vec<f32>>, ClassifyError>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut s = self.request.state.lock();
        if s.remaining == 0 {
            return Poll::Ready(Self::take(&mut s));
        }
        s.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}

pub(crate) struct Queue {
    tx: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

#[derive(Clone, Copy)]
struct Limits {
    max_tokens: usize,
    max_size: usize,
    max_wait: Duration,
}

impl Queue {
    pub(crate) fn start(
        backends: Vec<Box<dyn Backend>>,
        cfg: &EncoderConfig,
    ) -> Result<Self, ClassifyError> {
        let (tx, rx) = bounded::<Job>(cfg.queue_capacity.max(1));
        let limits = Limits {
            max_tokens: cfg.max_batch_tokens.max(cfg.max_tokens),
            max_size: cfg.max_batch_size.max(1),
            max_wait: Duration::from_millis(cfg.max_wait_ms),
        };
        let workers = backends
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                let rx = rx.clone();
                std::thread::Builder::new()
                    .name(format!("vigia-encoder-{i}"))
                    .spawn(move || worker(b, rx, limits))
                    .map_err(|e| ClassifyError::Inference(format!("spawning encoder thread: {e}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            tx: Some(tx),
            workers,
        })
    }

    pub(crate) fn submit(
        &self,
        ids: Vec<Vec<u32>>,
        output: Output,
    ) -> Result<Pending, ClassifyError> {
        let n = ids.len();
        let request = Arc::new(Request {
            state: Mutex::new(State {
                rows: vec![None; n],
                remaining: n,
                error: None,
                waker: None,
            }),
            done: Condvar::new(),
        });
        // Longest first within a request, so neighbours in a batch have similar lengths and
        // padding stays small; rows go back to their own index whatever the order.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(ids[i].len()));
        let mut ids: Vec<Option<Vec<u32>>> = ids.into_iter().map(Some).collect();
        let tx = self.tx.as_ref().expect("queue open while Encoder alive");
        for index in order {
            let job = Job {
                ids: ids[index].take().unwrap_or_default(),
                output,
                request: request.clone(),
                index,
            };
            tx.send(job)
                .map_err(|_| ClassifyError::Inference("encoder threads have stopped".into()))?;
        }
        Ok(Pending { request })
    }
}

impl Drop for Queue {
    fn drop(&mut self) {
        self.tx.take();
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

fn worker(mut backend: Box<dyn Backend>, rx: Receiver<Job>, limits: Limits) {
    let mut carry: Option<Job> = None;
    loop {
        let first = match carry.take() {
            Some(j) => j,
            None => match rx.recv() {
                Ok(j) => j,
                Err(_) => return,
            },
        };
        let deadline = Instant::now() + limits.max_wait;
        let output = first.output;
        let mut longest = first.ids.len();
        let mut jobs = vec![first];
        while jobs.len() < limits.max_size {
            let next = match rx.try_recv() {
                Ok(j) => j,
                Err(_) => match rx.recv_deadline(deadline) {
                    Ok(j) => j,
                    Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => break,
                },
            };
            let l = longest.max(next.ids.len());
            if next.output != output || l * (jobs.len() + 1) > limits.max_tokens {
                carry = Some(next);
                break;
            }
            longest = l;
            jobs.push(next);
        }
        run(&mut *backend, jobs, output);
    }
}

fn run(backend: &mut dyn Backend, jobs: Vec<Job>, output: Output) {
    let rows: Vec<&[u32]> = jobs.iter().map(|j| j.ids.as_slice()).collect();
    let batch = Batch::from_ids(&rows);
    let started = Instant::now();
    let result = backend.forward(&batch, output);
    tracing::debug!(
        engine = backend.name(),
        size = batch.size,
        seq = batch.seq,
        micros = started.elapsed().as_micros() as u64,
        "encoder batch"
    );
    match result {
        Ok(out) => {
            for (job, row) in jobs.into_iter().zip(out) {
                job.request.complete(job.index, Ok(row));
            }
        }
        Err(e) => {
            let msg = e.to_string();
            for job in jobs {
                job.request.complete(job.index, Err(msg.clone()));
            }
        }
    }
}
