// One-line wrappers of the log package's functions and *Logger's methods: -m=2's "can
// inline ... with cost N" gives what a call of each costs its caller in Go 1.27.3 and 1.19.8.
package main

import (
	"log"
	"os"
)

func wPrint(s string)                     { log.Print(s) }
func wPrintf(f string, s string)          { log.Printf(f, s) }
func wPrintln(s string)                   { log.Println(s) }
func wFatal(s string)                     { log.Fatal(s) }
func wFatalf(f string, s string)          { log.Fatalf(f, s) }
func wFatalln(s string)                   { log.Fatalln(s) }
func wPanic(s string)                     { log.Panic(s) }
func wPanicf(f string, s string)          { log.Panicf(f, s) }
func wPanicln(s string)                   { log.Panicln(s) }
func wSetFlags(n int)                     { log.SetFlags(n) }
func wSetPrefix(s string)                 { log.SetPrefix(s) }
func wFlags() int                         { return log.Flags() }
func wPrefix() string                     { return log.Prefix() }
func wSetOutput()                         { log.SetOutput(os.Stdout) }
func wNew(p string, f int) *log.Logger    { return log.New(os.Stdout, p, f) }
func wDefault() *log.Logger               { return log.Default() }
func wLPrint(l *log.Logger, s string)     { l.Print(s) }
func wLPrintf(l *log.Logger, f, s string) { l.Printf(f, s) }
func wLPrintln(l *log.Logger, s string)   { l.Println(s) }
func wLFatal(l *log.Logger, s string)     { l.Fatal(s) }
func wLFatalf(l *log.Logger, f, s string) { l.Fatalf(f, s) }
func wLFatalln(l *log.Logger, s string)   { l.Fatalln(s) }
func wLPanic(l *log.Logger, s string)     { l.Panic(s) }
func wLPanicf(l *log.Logger, f, s string) { l.Panicf(f, s) }
func wLPanicln(l *log.Logger, s string)   { l.Panicln(s) }
func wLSetFlags(l *log.Logger, n int)     { l.SetFlags(n) }
func wLSetPrefix(l *log.Logger, s string) { l.SetPrefix(s) }
func wLFlags(l *log.Logger) int           { return l.Flags() }
func wLPrefix(l *log.Logger) string       { return l.Prefix() }
func wLSetOutput(l *log.Logger)           { l.SetOutput(os.Stdout) }

func main() {}
