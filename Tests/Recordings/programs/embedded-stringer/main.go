package main

import (
	"errors"
	"fmt"
)

type Base struct{ Name string }

func (b Base) String() string { return "Base(" + b.Name + ")" }

type Named struct {
	Base
	N int
}

type MyErr struct{ error }

func main() {
	n := Named{Base{"x"}, 1}
	fmt.Println(n, &n)
	fmt.Printf("%v %s %+v\n", n, n, n)
	e := MyErr{errors.New("boom")}
	fmt.Println(e, e.Error())
	var err error = e
	fmt.Println(err)
}
