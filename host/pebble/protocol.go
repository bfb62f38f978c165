package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// greeting is the first line the helper writes once the database is open. The Java side refuses any other
// line, so a helper built from older sources (another protocol) is caught at once rather than misread.
const greeting = "fpp4j-pebble protocol 1"

// The frames after the greeting. Every request starts with one op byte; every number is a big-endian uint32.
//
//	'G' key[32]                       -> 'V' len value | 'N' (absent) | 'E' len message
//	'B' n, n x (key[32] len value)    -> 'K' (all n written in one atomic, synced batch) | 'E' len message
//	'L'                               -> 'R' klen key vlen value ... then 'Z' | 'E' len message
//	'Q'                               -> 'K', then the database is closed and the helper exits 0
//
// End of input between requests counts as 'Q' without the answer, so a host that dies never leaves the
// database open (Pebble's lock file) or a batch half-acknowledged.
const (
	opGet   = 'G'
	opBatch = 'B'
	opList  = 'L'
	opQuit  = 'Q'

	respValue  = 'V'
	respAbsent = 'N'
	respOK     = 'K'
	respError  = 'E'
	respRecord = 'R'
	respEnd    = 'Z'

	keyLen = 32
	// maxValue bounds a length read from the host, so a broken stream fails instead of allocating gigabytes.
	maxValue = 1 << 30
)

type kv interface {
	get(key []byte) (value []byte, found bool, err error)
	putBatch(keys, values [][]byte) error
	each(fn func(key, value []byte) error) error
}

func serve(store kv, in *bufio.Reader, out *bufio.Writer) error {
	if _, err := fmt.Fprintln(out, greeting); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	for {
		op, err := in.ReadByte()
		if errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("reading a request: %w", err)
		}
		switch op {
		case opGet:
			key := make([]byte, keyLen)
			if _, err := io.ReadFull(in, key); err != nil {
				return fmt.Errorf("reading a get request's key: %w", err)
			}
			value, found, err := store.get(key)
			switch {
			case err != nil:
				writeError(out, err)
			case !found:
				out.WriteByte(respAbsent)
			default:
				out.WriteByte(respValue)
				writeBytes(out, value)
			}
		case opBatch:
			keys, values, err := readBatch(in)
			if err != nil {
				return err
			}
			if err := store.putBatch(keys, values); err != nil {
				writeError(out, err)
			} else {
				out.WriteByte(respOK)
			}
		case opList:
			err := store.each(func(key, value []byte) error {
				out.WriteByte(respRecord)
				writeBytes(out, key)
				return writeBytes(out, value)
			})
			if err != nil {
				writeError(out, err)
			} else {
				out.WriteByte(respEnd)
			}
		case opQuit:
			out.WriteByte(respOK)
			return out.Flush()
		default:
			return fmt.Errorf("unknown request op 0x%02x", op)
		}
		if err := out.Flush(); err != nil {
			return fmt.Errorf("writing a response: %w", err)
		}
	}
}

func readBatch(in *bufio.Reader) (keys, values [][]byte, err error) {
	n, err := readUint32(in)
	if err != nil {
		return nil, nil, fmt.Errorf("reading a batch's entry count: %w", err)
	}
	for i := uint32(0); i < n; i++ {
		key := make([]byte, keyLen)
		if _, err := io.ReadFull(in, key); err != nil {
			return nil, nil, fmt.Errorf("reading key %d of a batch of %d: %w", i, n, err)
		}
		size, err := readUint32(in)
		if err != nil {
			return nil, nil, fmt.Errorf("reading value length %d of a batch of %d: %w", i, n, err)
		}
		if size > maxValue {
			return nil, nil, fmt.Errorf("value %d of a batch is %d bytes long, over the %d limit", i, size, maxValue)
		}
		value := make([]byte, size)
		if _, err := io.ReadFull(in, value); err != nil {
			return nil, nil, fmt.Errorf("reading value %d of a batch of %d: %w", i, n, err)
		}
		keys = append(keys, key)
		values = append(values, value)
	}
	return keys, values, nil
}

func readUint32(in io.Reader) (uint32, error) {
	var b [4]byte
	if _, err := io.ReadFull(in, b[:]); err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint32(b[:]), nil
}

func writeBytes(out *bufio.Writer, b []byte) error {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(b)))
	out.Write(n[:])
	_, err := out.Write(b)
	return err
}

func writeError(out *bufio.Writer, err error) {
	out.WriteByte(respError)
	writeBytes(out, []byte(err.Error()))
}
