// Days of the week: several values in one case, and a default clause in the middle.
package main

import "fmt"

const (
	Sunday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

func kind(day int) string {
	switch day {
	case Saturday, Sunday:
		return "weekend"
	default:
		return "invalid"
	case Monday, Tuesday, Wednesday, Thursday:
		return "weekday"
	case Friday:
		return "almost weekend"
	}
}

func name(day int) string {
	switch day {
	case Sunday:
		return "Sunday"
	case Monday:
		return "Monday"
	case Tuesday:
		return "Tuesday"
	case Wednesday:
		return "Wednesday"
	case Thursday:
		return "Thursday"
	case Friday:
		return "Friday"
	case Saturday:
		return "Saturday"
	}
	return "Someday"
}

func main() {
	for d := -1; d <= 7; d++ {
		fmt.Println(d, name(d), kind(d))
	}
}
