// Command fpp4j-pebble lets the fpp4j host (Java) read and write op-program's Pebble data directories
// (op-program --data.format pebble). Pebble exists only in Go, so the host runs this program as a child and
// talks to it over stdin/stdout; see protocol.go for the frames.
//
// The store layout is op-program's (op-program/host/kvstore, pebble KV): each preimage is one Pebble record,
// the key the raw 32-byte preimage key, the value the raw preimage bytes; Snappy compression on level 0, as
// op-program opens it. The kvformat marker file ("pebble") is the Java side's business.
//
// Usage:
//
//	fpp4j-pebble serve [-read-only] DIR   open DIR (created unless -read-only) and answer requests
//	fpp4j-pebble version                  print the protocol greeting and exit
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: fpp4j-pebble serve [-read-only] DIR | fpp4j-pebble version")
		return exitUsage
	}
	switch args[0] {
	case "version":
		fmt.Println(greeting)
		return exitOK
	case "serve":
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		readOnly := fs.Bool("read-only", false, "open an existing database without changing any of its files")
		if err := fs.Parse(args[1:]); err != nil {
			return exitUsage
		}
		if fs.NArg() != 1 {
			fmt.Fprintln(os.Stderr, "fpp4j-pebble serve: expected exactly one data directory")
			return exitUsage
		}
		store, err := openStore(fs.Arg(0), *readOnly)
		if err != nil {
			fmt.Fprintf(os.Stderr, "fpp4j-pebble: %v\n", err)
			return exitOpen
		}
		out := bufio.NewWriterSize(os.Stdout, 1<<16)
		err = serve(store, bufio.NewReaderSize(os.Stdin, 1<<16), out)
		if cerr := store.close(); err == nil {
			err = cerr
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "fpp4j-pebble: %v\n", err)
			return exitIO
		}
		return exitOK
	default:
		fmt.Fprintf(os.Stderr, "fpp4j-pebble: unknown command %q (expected serve or version)\n", args[0])
		return exitUsage
	}
}

const (
	exitOK    = 0
	exitIO    = 1
	exitUsage = 2
	exitOpen  = 3
)
