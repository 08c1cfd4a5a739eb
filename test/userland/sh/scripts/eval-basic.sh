eval echo hello
x='echo from var'
eval $x
eval "y=5"; echo $y
cmd='for i in 1 2; do echo $i; done'
eval "$cmd"
