a=1 b=two
echo "$a $b"
c=$a$b; echo $c
d="x y"; echo "$d"
e=; echo "[$e]"
