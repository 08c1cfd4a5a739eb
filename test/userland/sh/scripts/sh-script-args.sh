cat > s.sh <<'EOF'
echo "args: $# $1 $2"
exit 4
EOF
sh s.sh x "y z"
echo status $?
