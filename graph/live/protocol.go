package live

import (
	"encoding/json"
	"slices"
)

// wireProtocol holds what differs between the two subprotocols on the way
// out; the way in is handled by handleTransportWS and handleLegacy.
type wireProtocol struct {
	name      string
	legacy    bool   // subscriptions-transport-ws
	nextType  string // the type of a result message
	keepAlive []byte // sent every Options.KeepAlive after the ack
}

var (
	// transportWS is graphql-transport-ws, the protocol of the graphql-ws
	// library: https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md
	transportWS = &wireProtocol{
		name:      "graphql-transport-ws",
		nextType:  "next",
		keepAlive: []byte(`{"type":"ping"}`),
	}
	// legacyWS is subscriptions-transport-ws, Apollo's old protocol, which
	// confusingly calls itself graphql-ws.
	legacyWS = &wireProtocol{
		name:      "graphql-ws",
		legacy:    true,
		nextType:  "data",
		keepAlive: []byte(`{"type":"ka"}`),
	}
)

const unsupportedSubprotocol = `the websocket subprotocol (Sec-WebSocket-Protocol header) must be "graphql-transport-ws" (graphql-ws library) or "graphql-ws" (subscriptions-transport-ws)`

// negotiate picks graphql-transport-ws when the client offers it, then the
// legacy protocol, else nil.
func negotiate(offered []string) *wireProtocol {
	for _, p := range []*wireProtocol{transportWS, legacyWS} {
		if slices.Contains(offered, p.name) {
			return p
		}
	}
	return nil
}

// Close codes of graphql-transport-ws; the legacy protocol uses the same
// codes where it has no word of its own.
const (
	closeBadMessage      = 4400
	closeUnauthorized    = 4401
	closeForbidden       = 4403
	closeInitTimeout     = 4408
	closeDuplicateID     = 4409
	closeTooManyInits    = 4429
	closeSendQueueFull   = 1008 // policy violation: the client does not read
	maxCloseReasonLength = 123  // what fits in a close frame
)

// clientMessage is any message a client sends.
type clientMessage struct {
	ID      string          `json:"id"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload"`
}

// frame encodes a whole server message; payload is raw JSON and may be nil.
func frame(typ, id string, payload []byte) []byte {
	b := make([]byte, 0, 32+len(id)+len(payload))
	b = append(b, '{')
	if id != "" {
		b = append(b, `"id":`...)
		b = appendJSONString(b, id)
		b = append(b, ',')
	}
	b = append(b, `"type":`...)
	b = appendJSONString(b, typ)
	if payload != nil {
		b = append(b, `,"payload":`...)
		b = append(b, payload...)
	}
	return append(b, '}')
}

// framePrefix is a frame of type typ cut before its payload, to be written
// as prefix + payload + "}" so that a shared payload is never copied.
func framePrefix(typ, id string) []byte {
	b := frame(typ, id, []byte{})
	return b[:len(b)-1]
}

func appendJSONString(b []byte, s string) []byte {
	enc, _ := json.Marshal(s) // a string always encodes
	return append(b, enc...)
}

// errorList encodes messages as a list of GraphQL errors, each with code.
func errorList(code string, messages ...string) []byte {
	type gqlError struct {
		Message    string            `json:"message"`
		Extensions map[string]string `json:"extensions,omitempty"`
	}
	list := make([]gqlError, len(messages))
	for i, m := range messages {
		list[i] = gqlError{Message: m}
		if code != "" {
			list[i].Extensions = map[string]string{"code": code}
		}
	}
	b, _ := json.Marshal(list) // strings always encode
	return b
}

// internalErrorResult is sent when an operation fails in a way no resolver
// reported, such as a panic outside gqlgen's recovery.
var internalErrorResult = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}],"data":null}`)

func truncateReason(s string) string {
	if len(s) <= maxCloseReasonLength {
		return s
	}
	cut := maxCloseReasonLength
	for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
		cut--
	}
	return s[:cut]
}
