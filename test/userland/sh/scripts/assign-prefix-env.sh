x=outer
x=inner sh -c 'echo in child: $x'
echo after: $x
FOO=bar sh -c 'echo $FOO'
echo "[$FOO]"
