# a comment
echo a # trailing comment
echo b#not-a-comment
echo '#quoted'
echo "#dq" \#esc
