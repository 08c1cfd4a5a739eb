; stackvm demo: recursive fib, a sieve in globals, gcd, a string, system calls
.data 600
.entry main

fib:            ; fib(n): arg at local -1
  load -1
  push 2
  lt
  jz fib_rec
  load -1
  ret 1
fib_rec:
  load -1
  push 1
  sub
  call fib
  load -1
  push 2
  sub
  call fib
  add
  ret 1

gcd:            ; gcd(a, b): a at -2, b at -1
  load -1
  jz gcd_done
  load -2 load -1 mod     ; a % b
  load -1 store -2        ; a = b
  store -1                ; b = a % b
  jmp gcd
gcd_done:
  load -2
  ret 2

sieve:          ; marks composites below 600 in globals, returns the count of primes
  enter 2       ; local 0 = i, local 1 = count
  push 2 store 0
outer:
  load 0 push 600 lt jz sieve_done
  load 0 gload jnz next_i
  load 1 push 1 add store 1
  load 0 load 0 mul            ; j = i*i
inner:
  dup push 600 lt jz inner_done
  push 1 over gstore           ; mark globals[j]
  load 0 add
  jmp inner
inner_done:
  pop
next_i:
  inc 1                        ; i += 1 (local 0, step 1)
  jmp outer
sieve_done:
  load 1
  ret 0

print_str:      ; prints "fib/gcd/sieve\n"
  push 'f' printc push 'i' printc push 'b' printc push 10 printc
  push 0 ret 0

main:           ; the argument (stack[0]) is n for fib
  call print_str pop
  load 0 call fib print
  push 1071 push 462 call gcd print
  call sieve print
  push -7 sys 1 print
  push 12345 sys 0 print
  push 255 sys 2 print
  push 1000000 sys 3 print
  push 65535 push 32768 mul push 32767 add push 1 add print
  push -17 push 5 mod print
  push 1 push 31 shl print
  push 5 push 0 div
  halt
