package live

import (
	"time"

	"github.com/gorilla/websocket"
)

// flush is the connection's writer while frames are queued: started by
// signal, it writes until the queue is empty, then ends. An idle connection
// holds no writer goroutine.
func (c *connection) flush() {
	defer c.writers.Done()
	var batch []outFrame
	for {
		var closeMsg []byte
		var more bool
		batch, closeMsg, more = c.take(batch[:0])
		if !more {
			return
		}
		if closeMsg != nil {
			c.sendClose(closeMsg)
			continue
		}
		for i := range batch {
			f := &batch[i]
			if f.head == nil {
				continue // a live result whose subscription ended
			}
			if err := c.writeMessage(f.head, f.body, f.body != nil); err != nil {
				c.abort(err)
				c.stopWriting()
				return
			}
			*f = outFrame{} // let the payload be collected
		}
		if cap(batch) > 1024 {
			batch = nil // do not keep a fan-out's peak forever
		}
	}
}

// keepAlive pings the peer every KeepAlive: a websocket ping frame, which
// browsers answer by themselves (the reader's deadline notices a peer that
// does not), and the subprotocol's keep-alive message once acknowledged.
func (c *connection) keepAlive() {
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		return
	}
	if c.acked.Load() {
		c.out.frames = append(c.out.frames, outFrame{head: c.proto.keepAlive})
	}
	c.pinger.Reset(c.h.opts.KeepAlive)
	c.mu.Unlock()
	// WriteControl may be called beside a writer.
	if err := c.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(c.h.writeTimeout)); err != nil {
		c.abort(err)
		return
	}
	c.signal()
}

// take moves the queued frames into batch and resolves live results to
// their latest payload. With nothing queued it returns the close frame once
// (when closing), else more=false: the writer ends, and the next signal
// starts another.
func (c *connection) take(batch []outFrame) (_ []outFrame, closeMsg []byte, more bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.out.frames) == 0 {
		if c.closing && !c.closeSent && c.closeMsg != nil {
			c.closeSent = true
			return batch, c.closeMsg, true
		}
		c.writing = false
		return batch, nil, false
	}
	for _, f := range c.out.frames {
		if op := f.op; op != nil {
			f = outFrame{}
			if op.pending != nil {
				f = outFrame{head: op.prefix, body: op.pending}
			}
			op.pending, op.queued = nil, false
		}
		batch = append(batch, f)
	}
	clear(c.out.frames)
	c.out.frames = c.out.frames[:0]
	if cap(c.out.frames) > 1024 {
		c.out.frames = nil
	}
	c.out.ordered, c.out.bytes = 0, 0
	return batch, nil, true
}

// stopWriting ends writing for good after a failed write: frames queued
// later are dropped with the connection.
func (c *connection) stopWriting() {
	c.mu.Lock()
	c.writing, c.writeFailed = false, true
	c.mu.Unlock()
}

// writeMessage writes head, then body and "}" when framed, as one text
// message, without copying body into a new frame.
func (c *connection) writeMessage(head, body []byte, framed bool) error {
	_ = c.ws.SetWriteDeadline(time.Now().Add(c.h.writeTimeout))
	w, err := c.ws.NextWriter(websocket.TextMessage)
	if err != nil {
		return err
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	if framed {
		if _, err := w.Write(body); err != nil {
			return err
		}
		if _, err := w.Write(frameEnd); err != nil {
			return err
		}
	}
	return w.Close()
}

// sendClose writes the close frame and gives the peer closeGrace to answer
// before the reader gives up.
func (c *connection) sendClose(msg []byte) {
	if err := c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(c.h.writeTimeout)); err != nil {
		c.abort(err)
		return
	}
	_ = c.ws.NetConn().SetReadDeadline(time.Now().Add(closeGrace))
}

// frameEnd closes a frame written as prefix + payload.
var frameEnd = []byte("}")
