echo one \
  two \
  three
x=abc\
def
echo $x
