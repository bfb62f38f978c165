module github.com/fpp4j/interop/peer

go 1.26.0

require github.com/ethereum-optimism/optimism v1.19.6

require (
	golang.org/x/crypto v0.56.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
)
