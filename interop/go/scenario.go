package main

// Reader for the line-based scenario files described in interop/scenarios/FORMAT.md.

import (
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
)

type step struct {
	hint  []byte // set for a hint step
	key   [32]byte
	isGet bool
}

type origin struct {
	key  [32]byte
	kind string
	args string
}

type scenario struct {
	preimages map[[32]byte][]byte
	steps     []step
	verify    bool
	origins   []origin
}

func loadScenario(path string) (*scenario, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read scenario %s: %w", path, err)
	}
	s := &scenario{preimages: map[[32]byte][]byte{}}
	for i, line := range strings.Split(string(text), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if err := s.parseLine(line); err != nil {
			return nil, fmt.Errorf("%s:%d: %w: %q", path, i+1, err, truncate(line))
		}
	}
	return s, nil
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80]
	}
	return s
}

func (s *scenario) parseLine(line string) error {
	if line == "" || strings.HasPrefix(line, "#") {
		return nil
	}
	directive, rest, _ := strings.Cut(line, " ")
	switch directive {
	case "preimage":
		keyText, dataSpec, ok := strings.Cut(rest, " ")
		if !ok {
			return fmt.Errorf("preimage needs <key> <data>")
		}
		key, err := parseKey(keyText)
		if err != nil {
			return err
		}
		data, err := parseData(dataSpec)
		if err != nil {
			return err
		}
		s.preimages[key] = data
	case "hint":
		data, err := parseData(rest)
		if err != nil {
			return err
		}
		s.steps = append(s.steps, step{hint: data})
	case "get":
		key, err := parseKey(rest)
		if err != nil {
			return err
		}
		s.steps = append(s.steps, step{key: key, isGet: true})
	case "option":
		if rest != "verify" {
			return fmt.Errorf("unknown option %q", rest)
		}
		s.verify = true
	case "expect":
	case "origin":
		keyText, kindArgs, ok := strings.Cut(rest, " ")
		if !ok {
			return fmt.Errorf("origin needs <key> <kind>")
		}
		key, err := parseKey(keyText)
		if err != nil {
			return err
		}
		kind, args, _ := strings.Cut(kindArgs, " ")
		s.origins = append(s.origins, origin{key: key, kind: kind, args: args})
	default:
		return fmt.Errorf("unknown directive %q", directive)
	}
	return nil
}

func parseKey(text string) (key [32]byte, err error) {
	digits, ok := strings.CutPrefix(text, "0x")
	if !ok {
		return key, fmt.Errorf("key %q lacks 0x", text)
	}
	raw, err := parseHex(digits)
	if err != nil {
		return key, err
	}
	if len(raw) != 32 {
		return key, fmt.Errorf("key %q has %d bytes, not 32", text, len(raw))
	}
	copy(key[:], raw)
	return key, nil
}

func parseHex(digits string) ([]byte, error) {
	raw, err := hex.DecodeString(digits)
	if err != nil {
		return nil, fmt.Errorf("bad hex %q: %w", truncate(digits), err)
	}
	return raw, nil
}

func parseData(spec string) ([]byte, error) {
	if digits, ok := strings.CutPrefix(spec, "hex:"); ok {
		return parseHex(digits)
	}
	if text, ok := strings.CutPrefix(spec, "text:"); ok {
		return []byte(text), nil
	}
	if args, ok := strings.CutPrefix(spec, "pattern:"); ok {
		lengthText, seedText, ok := strings.Cut(args, ":")
		if !ok {
			return nil, fmt.Errorf("pattern needs <length>:<seed>")
		}
		length, err := strconv.ParseUint(lengthText, 10, 31)
		if err != nil {
			return nil, fmt.Errorf("pattern length %q: %w", lengthText, err)
		}
		seed, err := strconv.ParseUint(seedText, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("pattern seed %q: %w", seedText, err)
		}
		return pattern(int(length), seed), nil
	}
	return nil, fmt.Errorf("data %q is not hex:, text: or pattern:", truncate(spec))
}

func pattern(length int, seed uint64) []byte {
	out := make([]byte, length)
	for i := range out {
		out[i] = byte((uint64(i)*0x9E3779B97F4A7C15 + seed) >> 56)
	}
	return out
}
