package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"syscall"

	"github.com/cockroachdb/pebble"
	"github.com/cockroachdb/pebble/vfs"
)

type pebbleStore struct {
	db *pebble.DB
}

// openStore opens dir with the options op-program's pebble KV uses (32 MiB cache, Snappy on level 0). A
// read-only open goes through readOnlyFS, so that no file in dir can be created, changed or removed.
func openStore(dir string, readOnly bool) (*pebbleStore, error) {
	opts := &pebble.Options{
		Cache:                    pebble.NewCache(32 << 20),
		MaxConcurrentCompactions: runtime.NumCPU,
		Levels:                   []pebble.LevelOptions{{Compression: pebble.SnappyCompression}},
		// Pebble logs compactions and WAL recovery to stderr by default; stderr is for our errors.
		Logger: quietLogger{},
	}
	defer opts.Cache.Unref()
	if readOnly {
		if err := looksLikePebble(dir); err != nil {
			return nil, err
		}
		opts.ReadOnly = true
		opts.FS = readOnlyFS{vfs.Default}
	}
	db, err := pebble.Open(dir, opts)
	if err != nil {
		return nil, fmt.Errorf("cannot open Pebble database %s: %w", dir, err)
	}
	return &pebbleStore{db: db}, nil
}

// looksLikePebble gives a plain answer for the usual mistakes (no directory, an empty or other directory)
// before Pebble is asked, whose read-only errors are less direct.
func looksLikePebble(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("no Pebble database at %s: %w", dir, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("no Pebble database at %s: not a directory", dir)
	}
	names, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("cannot list %s: %w", dir, err)
	}
	for _, e := range names {
		if strings.HasPrefix(e.Name(), "MANIFEST-") {
			return nil
		}
	}
	return fmt.Errorf("no Pebble database at %s: it has no MANIFEST file", dir)
}

func (s *pebbleStore) get(key []byte) ([]byte, bool, error) {
	value, closer, err := s.db.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, err
	}
	defer closer.Close()
	return append([]byte(nil), value...), true, nil
}

// putBatch writes every entry in one batch, synced: the host counts a preimage as stored once it returns.
func (s *pebbleStore) putBatch(keys, values [][]byte) error {
	b := s.db.NewBatch()
	defer b.Close()
	for i := range keys {
		if err := b.Set(keys[i], values[i], nil); err != nil {
			return err
		}
	}
	return b.Commit(pebble.Sync)
}

func (s *pebbleStore) each(fn func(key, value []byte) error) error {
	it, err := s.db.NewIter(nil)
	if err != nil {
		return err
	}
	for it.First(); it.Valid(); it.Next() {
		value, err := it.ValueAndErr()
		if err != nil {
			it.Close()
			return err
		}
		if err := fn(it.Key(), value); err != nil {
			it.Close()
			return err
		}
	}
	return it.Close()
}

func (s *pebbleStore) close() error {
	return s.db.Close()
}

// readOnlyFS refuses every call that would change the directory. Pebble's ReadOnly option already avoids
// them; this makes the promise hold whatever Pebble does. The lock file is the one thing Pebble still asks
// for, and its own Lock re-creates the file (a new mtime): here an existing lock file is opened as it is and
// read-locked, which a writer's write lock excludes, so a database that op-program has open is refused
// rather than read mid-compaction; a missing one is not created.
type readOnlyFS struct {
	vfs.FS
}

var errReadOnly = errors.New("opened read-only: refusing to change the data directory")

func (readOnlyFS) Create(string) (vfs.File, error)                { return nil, errReadOnly }
func (readOnlyFS) Link(string, string) error                      { return errReadOnly }
func (readOnlyFS) Remove(string) error                            { return errReadOnly }
func (readOnlyFS) RemoveAll(string) error                         { return errReadOnly }
func (readOnlyFS) Rename(string, string) error                    { return errReadOnly }
func (readOnlyFS) ReuseForWrite(string, string) (vfs.File, error) { return nil, errReadOnly }
func (readOnlyFS) MkdirAll(string, os.FileMode) error             { return errReadOnly }
func (readOnlyFS) OpenReadWrite(string, ...vfs.OpenOption) (vfs.File, error) {
	return nil, errReadOnly
}

func (readOnlyFS) Lock(name string) (io.Closer, error) {
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return io.NopCloser(nil), nil
	} else if err != nil {
		return nil, err
	}
	lk := syscall.Flock_t{Type: syscall.F_RDLCK, Whence: io.SeekStart}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s is locked (is op-program or another writer using the database?): %w", name, err)
	}
	return f, nil
}

type quietLogger struct{}

func (quietLogger) Infof(string, ...interface{}) {}
func (quietLogger) Fatalf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "fpp4j-pebble: pebble: "+format+"\n", args...)
	os.Exit(exitIO)
}
