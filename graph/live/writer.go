package live

import (
	"time"

	"github.com/gorilla/websocket"
)

// writeLoop is the connection's only writer: it flushes the queue when
// woken, sends keep-alives, and ends the socket with the close frame.
func (c *connection) writeLoop() {
	defer close(c.writerDone)
	ticker := time.NewTicker(c.h.opts.KeepAlive)
	defer ticker.Stop()
	var batch []outFrame
	closeSent := false
	for {
		select {
		case <-c.done:
			return
		case <-ticker.C:
			if closeSent {
				continue
			}
			if err := c.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(c.h.writeTimeout)); err != nil {
				c.abort(err)
				return
			}
			if c.acked.Load() {
				if err := c.writeMessage(c.proto.keepAlive, nil, false); err != nil {
					c.abort(err)
					return
				}
			}
			continue
		case <-c.wake:
		}
		for !closeSent {
			var closeMsg []byte
			batch, closeMsg = c.take(batch[:0])
			if len(batch) == 0 {
				if closeMsg != nil {
					closeSent = true
					c.sendClose(closeMsg)
				}
				break
			}
			for i := range batch {
				f := &batch[i]
				if f.head == nil {
					continue // a live result whose subscription ended
				}
				if err := c.writeMessage(f.head, f.body, f.body != nil); err != nil {
					c.abort(err)
					return
				}
				*f = outFrame{} // let the payload be collected
			}
			if cap(batch) > 1024 {
				batch = nil // do not keep a fan-out's peak forever
			}
		}
	}
}

// take moves the queued frames into batch and resolves live results to
// their latest payload; it also returns the close frame once the queue is
// empty and the connection is closing.
func (c *connection) take(batch []outFrame) ([]outFrame, []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.out.frames) == 0 {
		if c.closing {
			return batch, c.closeMsg
		}
		return batch, nil
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
	return batch, nil
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
