package live

// outFrame is one queued message. A live-query result is queued as its
// operation only: the payload is read when the frame is written, so a
// client that reads slowly skips to the latest result (latest wins).
type outFrame struct {
	op   *operation // live result: write op.prefix + op.pending + "}"
	head []byte     // a whole frame, or a prefix when body is set
	body []byte     // a shared, pre-encoded payload
}

// outQueue is a connection's FIFO of frames, guarded by connection.mu.
type outQueue struct {
	frames  []outFrame
	ordered int // frames other than live results: bounded by SendQueue
	bytes   int // their size: bounded by MaxPendingBytes
}

func (q *outQueue) reset() {
	q.frames, q.ordered, q.bytes = nil, 0, 0
}

// full reports whether f would take the ordered frames past a bound.
func (c *connection) full(f outFrame) bool {
	return c.out.ordered >= c.h.opts.SendQueue || c.out.bytes+len(f.head)+len(f.body) > c.h.opts.MaxPendingBytes
}

// add queues an ordered frame.
func (q *outQueue) add(f outFrame) {
	q.frames = append(q.frames, f)
	q.ordered++
	q.bytes += len(f.head) + len(f.body)
}

// signal starts a writer unless one is running; it never blocks. c.mu
// must not be held.
func (c *connection) signal() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.writing || c.writeFailed || c.stopped {
		return
	}
	c.writing = true
	c.writers.Add(1)
	go c.flush()
}

// reply queues a whole frame that answers the client.
func (c *connection) reply(f []byte) {
	c.push(outFrame{head: f}, nil)
}

// complete tells the client an operation has ended, after its last result.
func (c *connection) complete(op *operation) {
	c.mu.Lock()
	if op.done || c.closing {
		c.mu.Unlock()
		return
	}
	op.done = true
	delete(c.ops, op.id)
	// Not bounded by SendQueue: an operation completes once.
	c.out.frames = append(c.out.frames, outFrame{head: frame("complete", op.id, nil)})
	c.mu.Unlock()
	c.signal()
}

// push queues a result or answer in order; when op is set, only while op
// is active. A client that lets SendQueue frames pile up is disconnected.
func (c *connection) push(f outFrame, op *operation) {
	c.mu.Lock()
	if c.closing || (op != nil && op.done) {
		c.mu.Unlock()
		return
	}
	if c.full(f) {
		queued, bytes := c.out.ordered, c.out.bytes
		c.mu.Unlock()
		c.h.opts.Logger.Info("live: client does not read its messages; closing", "queued", queued, "bytes", bytes)
		c.closeWith(closeSendQueueFull, "send queue full: read your messages")
		return
	}
	c.out.add(f)
	c.mu.Unlock()
	c.signal()
}

// deliverLive hands a live query's latest result to a subscriber: at most
// one frame per subscription waits in the queue, carrying the newest
// payload when it is written.
func (c *connection) deliverLive(op *operation, payload []byte) {
	c.mu.Lock()
	if op.done || c.closing {
		c.mu.Unlock()
		return
	}
	op.pending = payload
	if !op.queued {
		op.queued = true
		c.out.frames = append(c.out.frames, outFrame{op: op})
	}
	c.mu.Unlock()
	c.signal()
}

// deliverStream queues a stream event; false means the queue is full and
// the subscriber must be cut off, since stream events are never dropped.
func (c *connection) deliverStream(op *operation, payload []byte) bool {
	c.mu.Lock()
	if op.done || c.closing {
		c.mu.Unlock()
		return true
	}
	f := outFrame{head: op.prefix, body: payload}
	if c.full(f) {
		c.mu.Unlock()
		return false
	}
	c.out.add(f)
	c.mu.Unlock()
	c.signal()
	return true
}

// failStream ends a stream subscription whose client fell behind: the events
// queued so far still go out, then an error telling it to resume.
func (c *connection) failStream(op *operation) {
	c.mu.Lock()
	if op.done || c.closing {
		c.mu.Unlock()
		return
	}
	op.done = true
	delete(c.ops, op.id)
	if c.proto.legacy {
		c.out.frames = append(c.out.frames,
			outFrame{head: frame("error", op.id, legacyError(tooSlow))},
			outFrame{head: frame("complete", op.id, nil)})
	} else {
		// graphql-transport-ws: an error message ends the operation.
		c.out.frames = append(c.out.frames, outFrame{head: frame("error", op.id, errorList("RATE_LIMITED", tooSlow))})
	}
	c.mu.Unlock()
	c.signal()
}
