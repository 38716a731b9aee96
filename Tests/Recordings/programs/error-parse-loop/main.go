// Parsing a list of inputs, each step returning an error: sentinel errors
// from errors.New, formatted ones from fmt.Errorf, a custom error type, and
// the caller checking err != nil and comparing with the sentinel.
package main

import (
	"errors"
	"fmt"
)

var ErrEmpty = errors.New("empty field")

type RangeError struct {
	Field string
	Value int
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("%s out of range: %d", e.Field, e.Value)
}

func parseDigits(s string) (int, error) {
	if s == "" {
		return 0, ErrEmpty
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("bad digit %q at %d in %q", c, i, s)
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

func parseAge(s string) (int, error) {
	n, err := parseDigits(s)
	if err != nil {
		return 0, err
	}
	if n > 150 {
		return 0, &RangeError{"age", n}
	}
	return n, nil
}

func main() {
	inputs := []string{"42", "", "7x", "200", "150", "0"}
	total, failed := 0, 0
	for _, in := range inputs {
		age, err := parseAge(in)
		if err == ErrEmpty {
			fmt.Println("skip: empty")
			continue
		}
		if err != nil {
			failed++
			fmt.Println("error:", err)
			fmt.Printf("  %%v: %v  %%T: %T\n", err, err)
			if re, ok := err.(*RangeError); ok {
				fmt.Println("  field", re.Field, "value", re.Value)
			}
			continue
		}
		total += age
		fmt.Printf("age %3d ok\n", age)
	}
	fmt.Println("total", total, "failed", failed)
	var none error
	fmt.Println("nil error:", none, none == nil)
	fmt.Println(ErrEmpty.Error(), len(ErrEmpty.Error()))
}
