//go:build !go1.20

package main

func sliceToArrAll() {
}
