package mongo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// A log line's data is any JSON value. It is stored as the BSON value it
// reads as, so it can be queried and read in the mongo shell, with three
// rules that keep every JSON value storable and the mapping reversible:
//
//   - Object keys that MongoDB or FerretDB refuse (a leading '$', a '.', a
//     NUL) are escaped as %24, %2E and %00; '%' itself becomes %25.
//   - An array directly inside an array (FerretDB v1 refuses those) is
//     wrapped as {"%array": [...]}; no escaped key can be "%array".
//   - Integers that fit in 64 bits are int64, other numbers doubles. A
//     repeated key keeps its first position and last value, as
//     JavaScript's JSON.parse does.
//
// Reading reverses the rules and writes compact JSON.

const nestedArrayKey = "%array"

// jsonToBSON converts valid JSON to a BSON value.
func jsonToBSON(data json.RawMessage) (bson.RawValue, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeJSONValue(dec, false)
	if err != nil {
		return bson.RawValue{}, err
	}
	if v == nil {
		return bson.RawValue{Type: bson.TypeNull}, nil
	}
	t, raw, err := bson.MarshalValue(v)
	if err != nil {
		return bson.RawValue{}, fmt.Errorf("mongo: encode log data as BSON: %w", err)
	}
	return bson.RawValue{Type: t, Value: raw}, nil
}

// decodeJSONValue reads one value; inArray says whether it is an array element.
func decodeJSONValue(dec *json.Decoder, inArray bool) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("mongo: read log data: %w", err)
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return decodeJSONObject(dec)
		}
		arr, err := decodeJSONArray(dec)
		if err != nil {
			return nil, err
		}
		if inArray {
			return bson.D{{Key: nestedArrayKey, Value: arr}}, nil
		}
		return arr, nil
	case json.Number:
		return jsonNumber(t)
	default: // string, bool, nil
		return t, nil
	}
}

func decodeJSONObject(dec *json.Decoder) (bson.D, error) {
	doc := bson.D{}
	index := map[string]int{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("mongo: read log data: %w", err)
		}
		key := escapeKey(tok.(string))
		v, err := decodeJSONValue(dec, false)
		if err != nil {
			return nil, err
		}
		if i, seen := index[key]; seen {
			doc[i].Value = v
			continue
		}
		index[key] = len(doc)
		doc = append(doc, bson.E{Key: key, Value: v})
	}
	if _, err := dec.Token(); err != nil { // '}'
		return nil, fmt.Errorf("mongo: read log data: %w", err)
	}
	return doc, nil
}

func decodeJSONArray(dec *json.Decoder) (bson.A, error) {
	arr := bson.A{}
	for dec.More() {
		v, err := decodeJSONValue(dec, true)
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
	}
	if _, err := dec.Token(); err != nil { // ']'
		return nil, fmt.Errorf("mongo: read log data: %w", err)
	}
	return arr, nil
}

func jsonNumber(n json.Number) (any, error) {
	if !strings.ContainsAny(string(n), ".eE") {
		if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
			return i, nil
		}
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		// Only a magnitude beyond float64 gets here; JavaScript could not
		// read it either.
		return nil, db.Invalidf("data", "log data holds the number %.40s, which is out of range for a 64-bit float", n)
	}
	return f, nil
}

func escapeKey(k string) string {
	if !strings.ContainsAny(k, "%.\x00") && !strings.HasPrefix(k, "$") {
		return k
	}
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c == '%', c == '.', c == 0, c == '$' && i == 0:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func unescapeKey(k string) string {
	if !strings.Contains(k, "%") {
		return k
	}
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		if k[i] == '%' && i+3 <= len(k) {
			if c, err := strconv.ParseUint(k[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(c))
				i += 2
				continue
			}
		}
		b.WriteByte(k[i])
	}
	return b.String()
}

// bsonToJSON converts a stored log data value back to compact JSON.
func bsonToJSON(v bson.RawValue) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeJSONValue(&buf, v); err != nil {
		return nil, fmt.Errorf("mongo: decode stored log data: %w", err)
	}
	return buf.Bytes(), nil
}

func writeJSONValue(w *bytes.Buffer, v bson.RawValue) error {
	switch v.Type {
	case bson.TypeNull, bson.TypeUndefined:
		w.WriteString("null")
	case bson.TypeBoolean:
		w.WriteString(strconv.FormatBool(v.Boolean()))
	case bson.TypeInt32:
		w.WriteString(strconv.FormatInt(int64(v.Int32()), 10))
	case bson.TypeInt64:
		w.WriteString(strconv.FormatInt(v.Int64(), 10))
	case bson.TypeDouble:
		return writeJSONFloat(w, v.Double())
	case bson.TypeString:
		return writeJSONString(w, v.StringValue())
	case bson.TypeEmbeddedDocument:
		return writeJSONObject(w, v.Document())
	case bson.TypeArray:
		return writeJSONArray(w, v.Array())
	case bson.TypeObjectID:
		return writeJSONString(w, v.ObjectID().Hex())
	case bson.TypeDateTime:
		return writeJSONString(w, v.Time().UTC().Format(time.RFC3339Nano))
	case bson.TypeDecimal128:
		w.WriteString(v.Decimal128().String())
	default:
		// Types no JSON written by this package becomes; show them as
		// relaxed Extended JSON rather than fail the whole page.
		ext, err := bson.MarshalExtJSON(bson.D{{Key: "v", Value: v}}, false, false)
		if err != nil {
			return err
		}
		var wrapper struct{ V json.RawMessage }
		if err := json.Unmarshal(ext, &wrapper); err != nil {
			return err
		}
		w.Write(wrapper.V)
	}
	return nil
}

func writeJSONObject(w *bytes.Buffer, doc bson.Raw) error {
	elems, err := doc.Elements()
	if err != nil {
		return err
	}
	if len(elems) == 1 && elems[0].Key() == nestedArrayKey && elems[0].Value().Type == bson.TypeArray {
		return writeJSONArray(w, elems[0].Value().Array())
	}
	w.WriteByte('{')
	for i, e := range elems {
		if i > 0 {
			w.WriteByte(',')
		}
		if err := writeJSONString(w, unescapeKey(e.Key())); err != nil {
			return err
		}
		w.WriteByte(':')
		if err := writeJSONValue(w, e.Value()); err != nil {
			return err
		}
	}
	w.WriteByte('}')
	return nil
}

func writeJSONArray(w *bytes.Buffer, arr bson.RawArray) error {
	values, err := arr.Values()
	if err != nil {
		return err
	}
	w.WriteByte('[')
	for i, v := range values {
		if i > 0 {
			w.WriteByte(',')
		}
		if err := writeJSONValue(w, v); err != nil {
			return err
		}
	}
	w.WriteByte(']')
	return nil
}

func writeJSONFloat(w *bytes.Buffer, f float64) error {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.WriteString("null") // as JavaScript's JSON.stringify does
		return nil
	}
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	w.Write(b)
	return nil
}

// writeJSONString quotes s as encoding/json does, without HTML escaping,
// so text like "<a>" reads back as it was sent.
func writeJSONString(w *bytes.Buffer, s string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	w.Truncate(w.Len() - 1) // Encode's newline
	return nil
}
