package main

import (
	"fmt"
	"sync"
)

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return fmt.Sprintf("%d:%s", b.ID, b.Name) }
func (b *Base) Rename(n string) { b.Name = n }

type Node struct {
	Base
	Next *Node
}

type Cache struct {
	sync.Mutex
	items map[string][]byte
}

func (c *Cache) Put(k string, v []byte) {
	c.Lock()
	defer c.Unlock()
	c.items[k] = v
}

type Describer interface{ Describe() string }
type Renamer interface{ Rename(string) }

type Wrapped struct {
	*Base
	Extra int
}

type Logger struct{ prefix string }

func (l Logger) Log(s string) { fmt.Println(l.prefix + s) }

type Service struct {
	Logger
	Node
	hits int
}

func main() {
	n := Node{Base: Base{ID: 1, Name: "first"}}
	n.Rename("renamed")
	fmt.Println(n.Name, n.ID, n.Describe())
	fmt.Printf("%v %+v\n", n, n)
	var d Describer = n
	fmt.Println(d.Describe())
	var r Renamer = &n
	r.Rename("via iface")
	fmt.Println(n.Base.Name)
	c := &Cache{items: map[string][]byte{}}
	c.Put("a", make([]byte, 10))
	fmt.Println(len(c.items))
	w := Wrapped{Base: &Base{ID: 7, Name: "ptr"}, Extra: 2}
	w.Rename("ptr2")
	var d2 Describer = w
	var r2 Renamer = w
	r2.Rename("ptr3")
	fmt.Println(d2.Describe(), w.Name, w.Extra)
	s := Service{Logger: Logger{"> "}, Node: n}
	s.Log("hello " + s.Name)
	s.Rename("svc")
	fmt.Println(s.Describe(), s.Node.Base.Name, s.hits)
	ds := []Describer{n, w, s}
	for _, x := range ds {
		fmt.Println(x.Describe())
	}
}
