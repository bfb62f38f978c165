// Command fpp4j-op-peer is the fpp4j interop peer on the op-preimage package of the optimism Go module.
// Command line and output format: interop/scenarios/FORMAT.md.
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	preimage "github.com/ethereum-optimism/optimism/op-preimage"
)

const (
	exitOracleFailure = 2
	exitUsage         = 3
)

var (
	errRejected    = errors.New("hint rejected by the scenario router")
	errInvalidUTF8 = errors.New("hint is not UTF-8")
)

// rawKey passes scenario keys through unchanged, as Cannon does with the keys a VM program writes.
type rawKey [32]byte

func (k rawKey) PreimageKey() [32]byte { return k }
func (k rawKey) String() string        { return "0x" + hex.EncodeToString(k[:]) }

// rawHint carries arbitrary bytes: a Go string may hold bytes that are not UTF-8.
type rawHint string

func (h rawHint) Hint() string { return string(h) }

func main() {
	args := os.Args[1:]
	fail := func(format string, a ...any) {
		fmt.Fprintf(os.Stderr, "fpp4j-op-peer: "+format+"\n", a...)
		os.Exit(exitUsage)
	}
	if len(args) < 2 {
		fail("usage: fpp4j-op-peer client|server|bench|keys <scenario> [record file|count]")
	}
	s, err := loadScenario(args[1])
	if err != nil {
		fail("%v", err)
	}
	switch {
	case args[0] == "client" && len(args) == 2:
		os.Exit(runClient(s))
	case args[0] == "server" && (len(args) == 2 || len(args) == 3):
		record := ""
		if len(args) == 3 {
			record = args[2]
		}
		os.Exit(runServer(s, record))
	case args[0] == "bench" && len(args) == 3:
		n, err := strconv.Atoi(args[2])
		if err != nil || n <= 0 {
			fail("bench count %q is not a positive integer", args[2])
		}
		os.Exit(runBench(s, n))
	case args[0] == "keys" && len(args) == 2:
		if err := runKeys(s); err != nil {
			fail("%v", err)
		}
	default:
		fail("usage: fpp4j-op-peer client|server|bench|keys <scenario> [record file|count]")
	}
}

// protect turns the panics op-preimage uses for oracle I/O failures into errors.
func protect(f func() string) (line string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return f(), nil
}

// ---------------------------------------------------------------- client

func runClient(s *scenario) int {
	hinter := preimage.NewHintWriter(preimage.ClientHinterChannel())
	oracle := preimage.NewOracleClient(preimage.ClientPreimageChannel())
	out := os.Stdout
	for i, st := range s.steps {
		line, err := protect(func() string {
			if !st.isGet {
				hinter.Hint(rawHint(st.hint))
				return fmt.Sprintf("hint-acked %d", len(st.hint))
			}
			data := oracle.Get(rawKey(st.key))
			sum := sha256.Sum256(data)
			return fmt.Sprintf("get 0x%x %d %x", st.key, len(data), sum)
		})
		if err != nil {
			fmt.Fprintf(os.Stderr, "fpp4j-op-peer client: step %d failed: %v\n", i+1, err)
			return exitOracleFailure
		}
		fmt.Fprintln(out, line)
	}
	fmt.Fprintln(out, "done")
	return 0
}

// ---------------------------------------------------------------- server

// record keeps hint events and key events apart: only the order within each channel is deterministic.
type record struct {
	mu    sync.Mutex
	hints []string
	keys  []string
}

func (r *record) add(list *[]string, line string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	*list = append(*list, line)
}

func runServer(s *scenario, recordPath string) int {
	rec := &record{}
	router := func(hint string) error {
		if !utf8.ValidString(hint) {
			// Same observable result as kona-preimage, whose reader drops such bytes before routing.
			rec.add(&rec.hints, "hint-invalid-utf8")
			return errInvalidUTF8
		}
		if strings.HasPrefix(hint, "reject") {
			rec.add(&rec.hints, "hint-rejected 0x"+hex.EncodeToString([]byte(hint)))
			return errRejected
		}
		rec.add(&rec.hints, "hint 0x"+hex.EncodeToString([]byte(hint)))
		return nil
	}
	var getter preimage.PreimageGetter = func(key [32]byte) ([]byte, error) {
		rec.add(&rec.keys, fmt.Sprintf("key 0x%x", key))
		data, ok := s.preimages[key]
		if !ok {
			return nil, fmt.Errorf("no pre-image for key 0x%x", key)
		}
		return data, nil
	}
	if s.verify {
		getter = preimage.WithVerification(getter)
	}

	errs := make([]error, 2)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		reader := preimage.NewHintReader(preimage.ClientHinterChannel())
		for {
			err := reader.NextHint(router)
			switch {
			case err == nil, errors.Is(err, errRejected), errors.Is(err, errInvalidUTF8):
			case err == io.EOF:
				return
			default:
				errs[0] = fmt.Errorf("hint channel: %w", err)
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		channel := preimage.ClientPreimageChannel()
		server := preimage.NewOracleServer(channel)
		for {
			err := server.NextPreimageRequest(getter)
			if err == nil {
				continue
			}
			if err != io.EOF {
				errs[1] = fmt.Errorf("pre-image channel: %w", err)
			}
			// Close our ends so the client sees EOF instead of waiting for an answer that will never come.
			_ = channel.Close()
			return
		}
	}()
	wg.Wait()

	code := 0
	for _, err := range errs {
		if err != nil {
			fmt.Fprintf(os.Stderr, "fpp4j-op-peer server: %v\n", err)
			code = 1
		}
	}
	if recordPath != "" {
		var b strings.Builder
		for _, line := range append(slices.Clone(rec.hints), rec.keys...) {
			b.WriteString(line)
			b.WriteByte('\n')
		}
		if err := os.WriteFile(recordPath, []byte(b.String()), 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "fpp4j-op-peer server: cannot write record %s: %v\n", recordPath, err)
			code = 1
		}
	}
	return code
}

// ---------------------------------------------------------------- bench

func runBench(s *scenario, n int) int {
	hinter := preimage.NewHintWriter(preimage.ClientHinterChannel())
	oracle := preimage.NewOracleClient(preimage.ClientPreimageChannel())
	if i := slices.IndexFunc(s.steps, func(st step) bool { return !st.isGet }); i >= 0 {
		hint := rawHint(s.steps[i].hint)
		median, err := timeTrips(n, func() { hinter.Hint(hint) })
		if err != nil {
			fmt.Fprintf(os.Stderr, "fpp4j-op-peer bench: hint failed: %v\n", err)
			return exitOracleFailure
		}
		fmt.Printf("bench hint n=%d median_ns=%d\n", n, median)
	}
	if i := slices.IndexFunc(s.steps, func(st step) bool { return st.isGet }); i >= 0 {
		key := rawKey(s.steps[i].key)
		median, err := timeTrips(n, func() { oracle.Get(key) })
		if err != nil {
			fmt.Fprintf(os.Stderr, "fpp4j-op-peer bench: get failed: %v\n", err)
			return exitOracleFailure
		}
		fmt.Printf("bench get n=%d median_ns=%d\n", n, median)
	}
	return 0
}

func timeTrips(n int, trip func()) (int64, error) {
	samples := make([]int64, n)
	_, err := protect(func() string {
		for i := 0; i < n/10; i++ {
			trip()
		}
		for i := range samples {
			start := time.Now()
			trip()
			samples[i] = time.Since(start).Nanoseconds()
		}
		return ""
	})
	if err != nil {
		return 0, err
	}
	sort.Slice(samples, func(a, b int) bool { return samples[a] < samples[b] })
	return samples[n/2], nil
}

// ---------------------------------------------------------------- keys

func runKeys(s *scenario) error {
	for _, o := range s.origins {
		derived, err := deriveKey(o)
		if err != nil {
			return fmt.Errorf("origin 0x%x %s: %w", o.key, o.kind, err)
		}
		fmt.Printf("origin 0x%x 0x%x\n", o.key, derived.PreimageKey())
	}
	return nil
}

func deriveKey(o origin) (preimage.Key, error) {
	args := strings.Split(o.args, " ")
	switch o.kind {
	case "local":
		index, err := strconv.ParseUint(o.args, 10, 64)
		if err != nil {
			return nil, err
		}
		return preimage.LocalIndexKey(index), nil
	case "keccak256":
		data, err := parseData(o.args)
		if err != nil {
			return nil, err
		}
		return preimage.Keccak256Key(preimage.Keccak256(data)), nil
	case "sha256":
		data, err := parseData(o.args)
		if err != nil {
			return nil, err
		}
		return preimage.Sha256Key(sha256.Sum256(data)), nil
	case "blob":
		if len(args) != 2 {
			return nil, fmt.Errorf("blob needs <commitment> <z>")
		}
		body, err := concatHex(args[0], args[1])
		if err != nil {
			return nil, err
		}
		return preimage.BlobKey(preimage.Keccak256(body)), nil
	case "precompile":
		if len(args) != 3 {
			return nil, fmt.Errorf("precompile needs <address> <gas> <input>")
		}
		gas, err := strconv.ParseUint(args[1], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("gas: %w", err)
		}
		address, err := parseHex(args[0])
		if err != nil {
			return nil, err
		}
		input, err := parseHex(args[2])
		if err != nil {
			return nil, err
		}
		body := binary.BigEndian.AppendUint64(address, gas)
		return preimage.PrecompileKey(preimage.Keccak256(append(body, input...))), nil
	case "global-generic":
		// op-preimage has no key type for type 3; the key is used as raw bytes.
		return rawKey(o.key), nil
	}
	return nil, fmt.Errorf("unknown origin kind %q", o.kind)
}

func concatHex(parts ...string) ([]byte, error) {
	var out []byte
	for _, p := range parts {
		raw, err := parseHex(p)
		if err != nil {
			return nil, err
		}
		out = append(out, raw...)
	}
	return out, nil
}
