package live

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/gorilla/websocket"
)

// handle dispatches one client message; it runs in the reader goroutine.
func (c *connection) handle(data []byte) {
	var msg clientMessage
	if err := json.Unmarshal(data, &msg); err != nil || msg.Type == "" {
		c.badMessage("", "Invalid message: expected a JSON object with a \"type\"")
		return
	}
	if c.proto.legacy {
		c.handleLegacy(msg)
	} else {
		c.handleTransportWS(msg)
	}
}

func (c *connection) handleTransportWS(msg clientMessage) {
	switch msg.Type {
	case "connection_init":
		c.init(msg.Payload)
	case "ping":
		payload := msg.Payload
		if !isJSONObject(payload) {
			payload = nil
		}
		c.reply(frame("pong", "", payload))
	case "pong":
		// A heartbeat or the answer to our ping: nothing to do.
	case "subscribe":
		switch {
		case !c.acked.Load():
			c.closeWith(closeUnauthorized, "Unauthorized")
		case msg.ID == "":
			c.closeWith(closeBadMessage, "Invalid message: subscribe needs an id")
		case c.hasOperation(msg.ID):
			c.closeWith(closeDuplicateID, "Subscriber for "+msg.ID+" already exists")
		default:
			c.start(msg.ID, msg.Payload)
		}
	case "complete":
		c.stop(msg.ID)
	default:
		c.closeWith(closeBadMessage, "Invalid message type "+msg.Type)
	}
}

func (c *connection) handleLegacy(msg clientMessage) {
	switch msg.Type {
	case "connection_init":
		c.init(msg.Payload)
	case "start":
		switch {
		case !c.acked.Load():
			c.closeWith(closeUnauthorized, "Unauthorized: send connection_init first")
		case msg.ID == "":
			c.badMessage("", "Invalid message: start needs an id")
		default:
			// The legacy protocol restarts an operation whose id is reused.
			c.stop(msg.ID)
			c.start(msg.ID, msg.Payload)
		}
	case "stop":
		c.stop(msg.ID)
	case "connection_terminate":
		c.closeWith(websocket.CloseNormalClosure, "terminated")
	default:
		c.badMessage(msg.ID, "Invalid message type "+msg.Type)
	}
}

// badMessage answers a message that breaks the protocol: graphql-transport-ws
// closes the socket, the legacy protocol answers with an error.
func (c *connection) badMessage(id, message string) {
	if !c.proto.legacy {
		c.closeWith(closeBadMessage, message)
		return
	}
	c.reply(frame("error", id, legacyError(message)))
}

// init handles connection_init: once, within InitTimeout, approved by
// InitFunc.
func (c *connection) init(raw json.RawMessage) {
	if c.initSeen.Swap(true) {
		c.closeWith(closeTooManyInits, "Too many initialisation requests")
		return
	}
	c.initTimer.Stop()
	payload := map[string]any{}
	if len(raw) > 0 && !bytes.Equal(raw, []byte("null")) {
		if err := decodeJSON(raw, &payload); err != nil {
			c.badMessage("", "Invalid message: the connection_init payload must be an object")
			if c.proto.legacy {
				c.closeWith(closeBadMessage, "Invalid connection_init payload")
			}
			return
		}
	}
	if fn := c.h.opts.InitFunc; fn != nil {
		ctx, err := fn(c.ctx, payload)
		if err != nil {
			c.h.opts.Logger.Info("live: connection refused", "err", err)
			if c.proto.legacy {
				c.reply(frame("connection_error", "", legacyError(err.Error())))
			}
			c.closeWith(closeForbidden, "Forbidden")
			return
		}
		if ctx != nil {
			c.ctx = ctx
		}
	}
	c.reply(frame("connection_ack", "", nil))
	if c.proto.legacy {
		c.reply(legacyWS.keepAlive) // the legacy protocol starts keep-alives at once
	}
	c.acked.Store(true)
}

func isJSONObject(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '{'
}

// decodeJSON decodes one JSON value, keeping numbers as written so that
// large integers survive and equal variables encode equally.
func decodeJSON(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

// legacyError is the payload of a legacy error message.
func legacyError(message string) []byte {
	b, _ := json.Marshal(map[string]string{"message": message})
	return b
}
